import Foundation
import NIOCore
import Vapor

/// Just enough of the W3C WebDriver protocol to click through pages in headless Chromium, as a person would.
final class WebDriver: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible { let description: String }

    static var chromedriverPath: String? {
        let candidates = [ProcessInfo.processInfo.environment["ASSURE_CHROMEDRIVER"], "/usr/bin/chromedriver"]
            .compactMap { $0 }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    private let process = Process()
    private let base: String
    private let client: Client
    private var session = ""

    /// With ASSURE_TRACE_BROWSER set, each step of starting and stopping a browser goes to standard error at once
    /// (unbuffered), so a run that stops can be seen to stop somewhere.
    static func trace(_ step: String) {
        guard ProcessInfo.processInfo.environment["ASSURE_TRACE_BROWSER"] != nil else { return }
        FileHandle.standardError.write(Data("[browser \(Date().formatted(.iso8601))] \(step)\n".utf8))
    }

    init(port: Int, client: Client) async throws {
        self.client = client
        guard let path = Self.chromedriverPath else {
            throw Failure(description: "chromedriver not found (apt-get install chromium-driver)")
        }
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--port=\(port)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Self.trace("chromedriver \(process.processIdentifier) started on \(port)")
        base = "http://127.0.0.1:\(port)"
        for attempt in 0..<100 {
            if let status = try? await call("GET", "/status", timeout: .seconds(2)),
                ((status["value"] as? [String: Any])?["ready"] as? Bool) == true
            {
                Self.trace("chromedriver ready after \(attempt) waits")
                break
            }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        let chrome =
            [
                "binary": ProcessInfo.processInfo.environment["ASSURE_CHROMIUM"] ?? "/usr/bin/chromium",
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--window-size=1400,1000",
                ],
            ] as [String: Any]
        let created = try await call(
            "POST", "/session",
            ["capabilities": ["alwaysMatch": ["browserName": "chrome", "goog:chromeOptions": chrome]]])
        guard let id = (created["value"] as? [String: Any])?["sessionId"] as? String else {
            throw Failure(description: "no WebDriver session: \(created)")
        }
        session = id
        Self.trace("session \(id)")
        // Element look-ups wait for the page a click led to, instead of racing it.
        _ = try await call("POST", "/session/\(id)/timeouts", ["implicit": 10_000, "pageLoad": 120_000])
    }

    /// Ends the browser and the driver, within a few seconds whatever state they are in.
    func quit() async {
        let session = self.session
        await withTaskGroup(of: Void.self) { group in
            group.addTask { _ = try? await self.call("DELETE", "/session/\(session)") }
            group.addTask { try? await Task.sleep(nanoseconds: 10_000_000_000) }
            await group.next()
            group.cancelAll()
        }
        Self.trace("session deleted, stopping chromedriver \(process.processIdentifier)")
        process.terminate()
        for _ in 0..<30 where process.isRunning { try? await Task.sleep(nanoseconds: 100_000_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        Self.trace("chromedriver stopped")
    }

    func go(_ url: String) async throws { _ = try await call("POST", "/session/\(session)/url", ["url": url]) }
    func currentURL() async throws -> String {
        try await call("GET", "/session/\(session)/url")["value"] as? String ?? ""
    }
    func pageSource() async throws -> String {
        try await call("GET", "/session/\(session)/source")["value"] as? String ?? ""
    }

    func find(_ css: String) async throws -> String { try await find(using: "css selector", css) }
    func find(linkText: String) async throws -> String { try await find(using: "link text", linkText) }

    private func find(using strategy: String, _ value: String) async throws -> String {
        let result = try await call("POST", "/session/\(session)/element", ["using": strategy, "value": value])
        guard let element = (result["value"] as? [String: Any])?.values.first as? String else {
            throw Failure(description: "no element \(strategy) “\(value)” on \(try await currentURL())")
        }
        return element
    }

    func click(_ element: String) async throws {
        _ = try await call("POST", "/session/\(session)/element/\(element)/click", [:])
    }
    func clear(_ element: String) async throws {
        _ = try await call("POST", "/session/\(session)/element/\(element)/clear", [:])
    }
    func type(_ element: String, _ text: String) async throws {
        _ = try await call("POST", "/session/\(session)/element/\(element)/value", ["text": text])
    }
    func text(_ element: String) async throws -> String {
        try await call("GET", "/session/\(session)/element/\(element)/text")["value"] as? String ?? ""
    }
    /// The text of the element the selector finds, found afresh if the page changed under it (after a form posts,
    /// the old page can still answer the find, then be gone by the read).
    func text(of css: String) async throws -> String {
        for attempt in 1... {
            do {
                return try await text(try await find(css))
            } catch let failure as Failure where failure.description.contains("stale element") && attempt < 20 {
                try await Task.sleep(for: .milliseconds(150))
            }
        }
        fatalError("unreachable")
    }

    /// Waits (up to `seconds`) for an element's text to contain `expected`, for pages that arrive after a redirect or
    /// refresh themselves; returns the last text read either way, for the test to check.
    @discardableResult
    func waitForText(_ css: String, containing expected: String, seconds: Double = 10) async throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = (try? await text(of: css)) ?? ""
            if last.contains(expected) { return last }
            try await Task.sleep(for: .milliseconds(200))
        }
        return last
    }

    func property(_ element: String, _ name: String) async throws -> String {
        try await call("GET", "/session/\(session)/element/\(element)/property/\(name)")["value"] as? String ?? ""
    }

    /// Runs a script in the page and returns what it returns.
    @discardableResult
    func execute(_ script: String, async: Bool = false) async throws -> Any? {
        try await call(
            "POST", "/session/\(session)/execute/\(async ? "async" : "sync")", ["script": script, "args": []])["value"]
    }

    /// Presses keys as a person would, one after another, on whatever has the focus (WebDriver's key codes: "\u{E004}"
    /// is Tab, "\u{E007}" Enter, "\u{E00D}" Space).
    func press(_ keys: String) async throws {
        let strokes = keys.unicodeScalars.flatMap { key in
            [["type": "keyDown", "value": String(key)], ["type": "keyUp", "value": String(key)]]
        }
        _ = try await call(
            "POST", "/session/\(session)/actions",
            ["actions": [["type": "key", "id": "keyboard", "actions": strokes]]])
    }

    /// The id (or, without one, the tag and text) of the element that has the focus.
    func focused() async throws -> String {
        try await execute(
            "const e = document.activeElement; return e.id || (e.tagName + ':' + e.textContent.trim());") as? String
            ?? ""
    }

    func setWindow(width: Int, height: Int) async throws {
        _ = try await call("POST", "/session/\(session)/window/rect", ["width": width, "height": height])
    }

    func isDisplayed(_ element: String) async throws -> Bool {
        try await call("GET", "/session/\(session)/element/\(element)/displayed")["value"] as? Bool ?? false
    }

    func find(xpath: String) async throws -> String { try await find(using: "xpath", xpath) }

    /// Follows a link of the main navigation as a person would: on a phone, opening the menu first; on a wide screen,
    /// opening the group (Registers, Administration) the link is in.
    func menu(_ label: String) async throws {
        let narrow = try await find(".nav-narrow > summary")
        if try await isDisplayed(narrow) {
            try await click(narrow)
            try await click(
                try await find(
                    xpath: "//details[contains(@class,'nav-narrow')]//a[normalize-space(text()[1])='\(label)']"))
            return
        }
        let groups =
            try await execute(
                """
                return [...document.querySelectorAll('.nav-wide details')]
                  .findIndex(d => [...d.querySelectorAll('a')].some(a => a.firstChild.textContent.trim() === '\(label)'));
                """) as? Int ?? -1
        if groups >= 0 { try await click(try await find(".nav-wide details:nth-of-type(\(groups + 1)) > summary")) }
        try await click(
            try await find(xpath: "//nav[contains(@class,'nav-wide')]//a[normalize-space(text()[1])='\(label)']"))
    }

    /// axe-core's violations on the page as it stands, one line each ("select-name (critical): #f-m0-rating"), run
    /// inside the browser from the copy of axe-core that ships in a PyPI package.
    func accessibilityViolations(axe source: String) async throws -> [String] {
        try await execute(source)
        let result = try await execute(
            """
            const done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations.map(v =>
              v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))));
            """, async: true)
        return result as? [String] ?? ["axe did not answer: \(String(describing: result))"]
    }

    func screenshot(to path: String) async throws {
        let encoded = try await call("GET", "/session/\(session)/screenshot")["value"] as? String ?? ""
        try Data(base64Encoded: encoded)?.write(to: URL(fileURLWithPath: path))
    }

    /// One WebDriver command. Every command has a time limit (a page's load is given 120 s by the session; 30 s was
    /// too few on a slow two-core machine running the whole suite): a driver that took the connection and never
    /// answered once held a whole-suite run until CI's limit.
    @discardableResult
    private func call(
        _ method: String, _ path: String, _ body: [String: Any]? = nil, timeout: TimeAmount = .seconds(180)
    ) async throws -> [String: Any] {
        var headers = HTTPHeaders()
        var bodyBuffer: ByteBuffer?
        if let body {
            bodyBuffer = ByteBuffer(data: try JSONSerialization.data(withJSONObject: body))
            headers.contentType = .json
        }
        let response = try await client.send(
            HTTPMethod(rawValue: method), headers: headers, to: URI(string: base + path)
        ) { request in
            request.body = bodyBuffer
            request.timeout = timeout
        }
        let data = response.body.map { Data(buffer: $0) } ?? Data()
        let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        if let value = json["value"] as? [String: Any], let error = value["error"] as? String {
            throw Failure(description: "\(method) \(path): \(error): \(value["message"] ?? "")")
        }
        return json
    }
}
