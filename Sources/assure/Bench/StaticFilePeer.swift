import Foundation

/// The published page's bytes served by nginx as a static file: the fastest any server could hand them out on this
/// machine. Assure and nginx are loaded in turn (Assure, nginx, Assure, nginx) with the same wrk settings, so that a
/// change in the host's speed during the run falls on both.
struct StaticFileComparison: Codable, Sendable {
    var assure: [LoadResult]
    var nginx: [LoadResult]

    var ratio: Double {
        let mean = { (loads: [LoadResult]) in loads.map(\.requestsPerSecond).reduce(0, +) / Double(max(1, loads.count))
        }
        return mean(assure) / mean(nginx)
    }

    var summary: String {
        let line = { (name: String, load: LoadResult) in
            "  \(name): \(String(format: "%.0f", load.requestsPerSecond)) req/s, p99 \(String(format: "%.1f", load.p99Milliseconds)) ms, \(load.errors) errors"
        }
        return
            (["the published programme page against nginx serving the same bytes as a file, in turn:"]
            + zip(assure, nginx).flatMap { [line("Assure", $0), line("nginx ", $1)] }
            + ["  Assure at \(String(format: "%.2f", ratio))× nginx's rate"])
            .joined(separator: "\n")
    }

    /// Saves the page as `path` gives it to the signed-in user, serves it with nginx on `port`, and loads both in turn.
    static func run(
        _ load: LoadTest, path: String, cookie: String, port: Int, rounds: Int = 2
    ) throws
        -> StaticFileComparison?
    {
        guard let nginx = try? Subprocess.locate("nginx") else {
            print("nginx is not installed: the static-file comparison is skipped (scripts/bench installs it)")
            return nil
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("assure-bench-nginx-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Subprocess.run(
            "curl",
            [
                "-s", "-H", "Cookie: \(cookie)", "-o", directory.appendingPathComponent("page.html").path,
                load.base + path,
            ])
        let configuration = """
            worker_processes auto;
            daemon off;
            pid \(directory.path)/nginx.pid;
            error_log \(directory.path)/error.log;
            events { worker_connections 1024; }
            http {
                access_log off;
                sendfile on;
                tcp_nopush on;
                types { text/html html; }
                client_body_temp_path \(directory.path)/body;
                proxy_temp_path \(directory.path)/proxy;
                fastcgi_temp_path \(directory.path)/fastcgi;
                uwsgi_temp_path \(directory.path)/uwsgi;
                scgi_temp_path \(directory.path)/scgi;
                server {
                    listen 127.0.0.1:\(port);
                    root \(directory.path);
                    location / { try_files /page.html =404; }
                }
            }
            """
        let configurationFile = directory.appendingPathComponent("nginx.conf").path
        try configuration.write(toFile: configurationFile, atomically: true, encoding: .utf8)
        let server = try Subprocess.start(
            nginx, ["-e", "\(directory.path)/error.log", "-c", configurationFile, "-p", directory.path],
            log: "\(directory.path)/stdout.log")
        defer { if server.isRunning { server.terminate(); server.waitUntilExit() } }
        let peer = LoadTest(
            base: "http://127.0.0.1:\(port)", seconds: load.seconds, connections: load.connections,
            cookieJar: load.cookieJar)
        try peer.waitUntilUp(probe: "/")
        var comparison = StaticFileComparison(assure: [], nginx: [])
        for _ in 0..<rounds {
            comparison.assure.append(try load.load(path, cookie: cookie))
            comparison.nginx.append(try peer.load(path, headers: ["Cookie: \(cookie)"]))
        }
        return comparison
    }
}
