import Foundation

/// Drives a real `assure serve` on loopback: signs in with curl, then loads each route with wrk.
struct LoadTest {
    let base: String
    let seconds: Int
    let connections: Int
    let cookieJar: String

    /// Signs in as a user the benchmark made, and reads one page so the sign-in notice is spent.
    func signIn(email: String, password: String) throws -> String {
        let page = try Subprocess.run("curl", ["-s", "-c", cookieJar, "-b", cookieJar, "\(base)/login"])
        guard let range = page.range(of: #"name="_csrf" value="([^"]+)""#, options: .regularExpression) else {
            throw BenchError("the sign-in page has no CSRF token")
        }
        let token = page[range].split(separator: "\"")[3]
        try Subprocess.run(
            "curl",
            [
                "-s", "-o", "/dev/null", "-c", cookieJar, "-b", cookieJar, "--data-urlencode", "email=\(email)",
                "--data-urlencode", "password=\(password)", "--data-urlencode", "_csrf=\(token)", "\(base)/login",
            ])
        try Subprocess.run("curl", ["-s", "-o", "/dev/null", "-c", cookieJar, "-b", cookieJar, "\(base)/"])
        let jar = try String(contentsOfFile: cookieJar, encoding: .utf8)
        guard let line = jar.split(separator: "\n").last(where: { $0.contains("assure-session") }),
            let value = line.split(separator: "\t").last
        else { throw BenchError("signing in gave no session cookie") }
        return "assure-session=\(value)"
    }

    /// Checks the route answers 200 and its size, then loads it.
    func load(_ path: String, cookie: String, connections: Int? = nil) throws -> LoadResult {
        try load(path, headers: ["Cookie: \(cookie)"], connections: connections)
    }

    func load(_ path: String, headers: [String], connections: Int? = nil) throws -> LoadResult {
        let headerArguments = headers.flatMap { ["-H", $0] }
        let probe = try Subprocess.run(
            "curl", ["-s", "-o", "/dev/null", "-w", "%{http_code} %{size_download}"] + headerArguments + [base + path])
        let parts = probe.split(separator: " ")
        guard parts.first == "200" else { throw BenchError("\(path) answered \(probe) before the load test") }
        let output = try Subprocess.run(
            "wrk",
            ["-t2", "-c\(connections ?? self.connections)", "-d\(seconds)s", "--timeout", "30s", "--latency"]
                + headerArguments + [base + path])
        return LoadResult(route: path, wrkOutput: output, bytesPerResponse: Int(parts.last ?? "") ?? 0)
    }

    /// Fetches `path` whole `repetitions` times, timing its first byte and its last (curl's own clocks).
    func stream(_ path: String, cookie: String, repetitions: Int = 3) throws -> StreamTiming {
        var timing = StreamTiming(route: path)
        for _ in 0..<repetitions {
            let output = try Subprocess.run(
                "curl",
                [
                    "-s", "-o", "/dev/null", "-H", "Cookie: \(cookie)", "-w",
                    "%{http_code} %{time_starttransfer} %{time_total} %{size_download}", base + path,
                ])
            let parts = output.split(separator: " ")
            guard parts.count == 4, parts[0] == "200", let first = Double(parts[1]), let total = Double(parts[2])
            else { throw BenchError("\(path) answered \(output)") }
            timing.firstByte.seconds.append(first)
            timing.whole.seconds.append(total)
            timing.bytes = Int(parts[3]) ?? 0
        }
        return timing
    }

    /// Waits for the server to answer.
    func waitUntilUp(probe: String = "/login", timeout: Double = 60) throws {
        let deadline = Clock.now() + timeout
        while Clock.now() < deadline {
            if (try? Subprocess.run("curl", ["-s", "-o", "/dev/null", "-f", base + probe])) != nil { return }
            usleep(200_000)
        }
        throw BenchError("the server did not answer at \(base) within \(Int(timeout)) s")
    }
}
