import Foundation

/// Assure's JSON project list against a peer's (Redmine's REST `/projects.json`, a custom field holding the rating) on
/// the same portfolio, in the same run: one page under load, and every page fetched in turn as a script would.
struct PeerComparison: Codable, Sendable {
    var assurePage: LoadResult
    var peerPage: LoadResult
    var assureWholeList = Timings()
    var peerWholeList = Timings()
    var pages: Int

    var pageRatio: Double { assurePage.requestsPerSecond / peerPage.requestsPerSecond }
    var wholeListRatio: Double { peerWholeList.median / assureWholeList.median }

    var summary: String {
        """
        project list, one page of 100 under load: Assure \(String(format: "%.0f", assurePage.requestsPerSecond)) req/s (p99 \(String(format: "%.1f", assurePage.p99Milliseconds)) ms), peer \(String(format: "%.1f", peerPage.requestsPerSecond)) req/s (p99 \(String(format: "%.1f", peerPage.p99Milliseconds)) ms): \(String(format: "%.1f", pageRatio))×
        the whole list, \(pages) pages of 100 in turn: Assure \(assureWholeList.summary); peer \(peerWholeList.summary): \(String(format: "%.1f", wholeListRatio))×
        """
    }

    /// `pageURL(offset)` gives the address of the page starting there; `headers` authenticate.
    static func fetchAll(pageURL: (Int) -> String, total: Int, headers: [String], repetitions: Int) throws -> Timings {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("assure-pages-\(getpid()).curl").path
        defer { try? FileManager.default.removeItem(atPath: config) }
        let lines = stride(from: 0, to: max(total, 1), by: 100).flatMap { offset in
            ["url = \"\(pageURL(offset))\"", "output = \"/dev/null\""]
        }
        try (headers.map { "header = \"\($0)\"" } + ["fail", "silent"] + lines).joined(separator: "\n")
            .write(toFile: config, atomically: true, encoding: .utf8)
        var timings = Timings()
        for _ in 0..<repetitions {
            let start = Clock.now()
            try Subprocess.run("curl", ["-K", config])
            timings.seconds.append(Clock.now() - start)
        }
        return timings
    }

    /// Reads `"total_count": N` (Redmine) or `"total": N` (Assure) from a first page.
    static func total(in json: String) -> Int? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            return nil
        }
        return (object["total_count"] ?? object["total"]) as? Int
    }
}
