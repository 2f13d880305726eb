import Foundation

/// Repeated timings of one thing, summarised as a benchmark reports them: median and 95th percentile.
struct Timings: Codable, Sendable {
    var seconds: [Double] = []

    var median: Double { percentile(0.5) }
    var p95: Double { percentile(0.95) }

    /// Nearest-rank percentile.
    func percentile(_ fraction: Double) -> Double {
        guard !seconds.isEmpty else { return .nan }
        let sorted = seconds.sorted()
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    var summary: String { "median \(Self.format(median)), p95 \(Self.format(p95)) (n = \(seconds.count))" }

    static func format(_ seconds: Double) -> String {
        seconds >= 1 ? String(format: "%.2f s", seconds) : String(format: "%.1f ms", seconds * 1000)
    }
}

enum Clock {
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// Times `body` `count` times and returns the timings.
    static func repeatedly(_ count: Int, _ body: () async throws -> Void) async rethrows -> Timings {
        var timings = Timings()
        for _ in 0..<count {
            let start = now()
            try await body()
            timings.seconds.append(now() - start)
        }
        return timings
    }
}

/// What wrk reported for one route under load.
struct LoadResult: Codable, Sendable {
    var route: String
    var requestsPerSecond: Double
    var p50Milliseconds: Double
    var p99Milliseconds: Double
    var requests: Int
    var errors: Int
    var bytesPerResponse: Int

    /// Reads wrk's text output (`--latency`).
    init(route: String, wrkOutput text: String, bytesPerResponse: Int) {
        self.route = route
        self.bytesPerResponse = bytesPerResponse
        func number(after label: String) -> Double? {
            guard
                let line = text.split(separator: "\n").first(where: {
                    $0.trimmingCharacters(in: .whitespaces).hasPrefix(label)
                })
            else { return nil }
            return Double(
                line.replacingOccurrences(of: label, with: "").trimmingCharacters(in: .whitespaces)
                    .split(separator: " ").first.map(String.init) ?? "")
        }
        func latency(_ label: String) -> Double {
            guard
                let line = text.split(separator: "\n").first(where: {
                    $0.trimmingCharacters(in: .whitespaces).hasPrefix(label)
                }),
                let value = line.split(separator: " ").last
            else { return .nan }
            let units: [(String, Double)] = [("us", 0.001), ("ms", 1), ("s", 1000), ("m", 60_000)]
            for (unit, factor) in units where value.hasSuffix(unit) {
                return (Double(value.dropLast(unit.count)) ?? .nan) * factor
            }
            return .nan
        }
        requestsPerSecond = number(after: "Requests/sec:") ?? 0
        p50Milliseconds = latency("50%")
        p99Milliseconds = latency("99%")
        let summary = text.split(separator: "\n").first { $0.contains("requests in") }
        requests = summary.flatMap { Int($0.trimmingCharacters(in: .whitespaces).split(separator: " ")[0]) } ?? 0
        let non2xx = Int(number(after: "Non-2xx or 3xx responses:") ?? 0)
        let socket =
            text.split(separator: "\n").first { $0.contains("Socket errors:") }.map { line in
                line.split(separator: ",").compactMap { part in Int(part.split(separator: " ").last ?? "") }.reduce(
                    0, +)
            } ?? 0
        errors = non2xx + socket
    }
}

/// One large response fetched whole a few times by curl: when its first byte came, and when its last.
struct StreamTiming: Codable, Sendable {
    var route: String
    var firstByte = Timings()
    var whole = Timings()
    var bytes = 0

    var summary: String {
        "\(route)\n    first byte \(firstByte.summary); whole \(whole.summary); \(bytes) bytes"
    }
}

/// The memory of a process, from /proc: peak and current resident set.
struct MemoryReading: Codable, Sendable {
    var peakMB: Double
    var residentMB: Double

    init?(pid: Int32) {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        func kilobytes(_ key: String) -> Double? {
            status.split(separator: "\n").first { $0.hasPrefix(key) }
                .flatMap { Double($0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") }
        }
        guard let peak = kilobytes("VmHWM:"), let resident = kilobytes("VmRSS:") else { return nil }
        peakMB = peak / 1024
        residentMB = resident / 1024
    }
}

/// The machine's CPU time since boot, from /proc/stat: on a shared virtual machine, time stolen by the host is the
/// first thing to look at when two runs disagree.
struct CPUTimes: Sendable {
    var total: Double
    var steal: Double

    static func read() -> CPUTimes? {
        guard let stat = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
            let line = stat.split(separator: "\n").first(where: { $0.hasPrefix("cpu ") })
        else { return nil }
        let values = line.split(separator: " ").dropFirst().compactMap { Double($0) }
        guard values.count >= 8 else { return nil }
        return CPUTimes(total: values.prefix(8).reduce(0, +), steal: values[7])
    }

    /// The share of CPU time stolen between two readings, in per cent.
    static func stealPercent(from start: CPUTimes?, to end: CPUTimes?) -> Double? {
        guard let start, let end, end.total > start.total else { return nil }
        return 100 * (end.steal - start.steal) / (end.total - start.total)
    }
}
