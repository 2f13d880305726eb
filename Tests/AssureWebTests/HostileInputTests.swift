import AssureCore
import AssureInterchange
import AssureStorage
import AssureTestSupport
import AssureWeb
import Foundation
import Testing
import Vapor
import VaporTesting
import ZIPFoundation

/// Hostile text in every free-text field, then every page and every download read back; SQL in every query
/// parameter; bodies past the limits.
@Suite("Hostile input")
struct HostileInputTests {
    /// Starts with "=" (a formula to a spreadsheet) and holds markup that would run in a page.
    static let payload = #"=HYPERLINK("http://evil.example","x")<script>alert('assure-xss')</script>"><img src=x onerror=alert(1)>"#
    static let rawMarkers = ["<script>alert('assure-xss')", "<img src=x onerror", "onerror=alert(1)>"]

    /// Fields that take a choice, a number, a date or an id: the payload goes in every other field.
    static let structured: Set<String> = ["baseVersion", "version", "scale", "kind", "role", "status", "level", "severity", "likelihood",
        "direction", "years", "date", "purpose", "action", "period", "frequency", "asAt", "publishOn", "amount", "envelope", "target",
        "baseline", "targetDate", "value", "reviewDate", "due", "programme", "parent", "meeting", "password", "email", "missing",
        "amberFrom", "redFrom", "forwardPlan", "portfolio", "rating", "m0-rating", "on-overdue-milestone", "rating-Quality", "scope", "pasted"]

    @Test("Markup in every free-text field comes back escaped on every page, no download holds a formula or raw markup, and every answer carries the security headers")
    func markupIsEscapedEverywhere() async throws {
        try await withWebApp(.sqlite) { app in
            // given the PMO and the editor write the payload into every free-text field of every form
            let ids = try await DemoIDs.load(app)
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            var fieldsTried = 0
            var htmlChecked = 0
            for (route, path, fields) in try await AuthorisationTests.writes(app, ids) where ![.setup, .openPeriod, .closePeriod, .publishPeriod].contains(route) {
                var hostile = fields
                for key in fields.keys where !Self.structured.contains(key) {
                    hostile[key] = Self.payload
                    fieldsTried += 1
                }
                if route == .returnForm { hostile = try await ids.returnFields(app).merging(["update": Self.payload, "mitigation": Self.payload,
                                                                                              "m0-title": Self.payload, "m0-date": Self.payload]) { $1 } }
                _ = try await admin.get("/")
                let response = try await admin.post(path, hostile)
                // then a refused form shows the values escaped too
                try Self.expectEscaped(response.body.string, "POST \(route.rawValue) → \(response.status)")
                htmlChecked += 1
            }
            let stored = try await AuditLog.recent(app.db, limit: 1_000).filter { ($0.after ?? "").contains("assure-xss") }.count
            #expect(stored >= 20, "the payload was saved in many places (\(stored) audit entries), so the sweep reads it back")

            // when every page is read, as the PMO, with each download format
            var escapedSeen = 0, downloads = 0
            let token = UUID()
            for registered in app.routes.all where registered.method == .GET {
                guard let route = RouteMatrixTests.route(registered), route != .stylesheet else { continue }
                let path = RouteMatrixTests.path(route, ids, token: token)
                for suffix in ["", "format=csv", "format=xlsx", "format=docx", "format=json"] {
                    let full = suffix.isEmpty ? path : path + (path.contains("?") ? "&" : "?") + suffix
                    let response = try await admin.get(full)
                    Self.expectSecurityHeaders(response.headers, "GET \(full)")
                    guard response.status == .ok else { continue }
                    let type = response.headers.contentType?.description ?? ""
                    let body = Data(buffer: response.body)
                    if type.contains("html") {
                        let text = String(decoding: body, as: UTF8.self)
                        try Self.expectEscaped(text, "GET \(full)")
                        if text.contains("&lt;script&gt;alert(") { escapedSeen += 1 }
                        htmlChecked += 1
                    } else if type.contains("csv") {
                        Self.expectNoFormula(csv: String(decoding: body, as: UTF8.self), "GET \(full)")
                        downloads += 1
                    } else if type.contains("spreadsheetml") || type.contains("wordprocessingml") {
                        try Self.expectInertZip(body, "GET \(full)")
                        downloads += 1
                    }
                }
            }
            // then the payload was on many pages, always escaped, and in no download as a formula or as markup
            #expect(escapedSeen >= 10, "pages showing the escaped payload: \(escapedSeen)")
            #expect(downloads >= 10, "downloads checked: \(downloads)")
            print("Hostile input: \(fieldsTried) fields given the payload, \(htmlChecked) HTML responses and \(downloads) downloads checked, payload seen escaped on \(escapedSeen) pages.")
        }
    }

    /// Every answer, page, download or error: no script may run, nothing may frame it, no type is sniffed.
    static func expectSecurityHeaders(_ headers: HTTPHeaders, _ context: String) {
        let policy = headers.first(name: "Content-Security-Policy") ?? ""
        #expect(policy.contains("script-src 'none'") && policy.contains("frame-ancestors 'none'"), "CSP of \(context): \(policy)")
        #expect(headers.first(name: "X-Content-Type-Options") == "nosniff", "nosniff on \(context)")
        #expect(headers.first(name: "Referrer-Policy") == "same-origin", "Referrer-Policy on \(context)")
    }

    static func expectEscaped(_ html: String, _ context: String) throws {
        for marker in rawMarkers { #expect(!html.contains(marker), "raw markup in \(context)") }
        #expect(!html.contains("<script"), "a script element in \(context)")
    }

    /// No CSV cell may start with a formula character: the writer puts an apostrophe first. The CSV is read by
    /// Assure's own RFC 4180 reader, as a spreadsheet would split it into cells.
    static func expectNoFormula(csv: String, _ context: String) {
        guard let table = try? DelimitedText.read(csv, delimiter: .comma) else { Issue.record("unreadable CSV from \(context)"); return }
        for row in table.rows {
            for cell in row.cells where cell.text.first.map({ "=+-@".contains($0) }) == true {
                Issue.record("a formula cell “\(cell.text.prefix(40))” in row \(row.number) of \(context)")
            }
        }
    }

    /// No part of a workbook or document holds a formula element or unescaped markup.
    static func expectInertZip(_ data: Data, _ context: String) throws {
        for (path, text) in try xmlParts(data) {
            #expect(!text.contains("<f>") && !text.contains("<f "), "a formula in \(path) of \(context)")
            #expect(!text.contains("<script"), "raw markup in \(path) of \(context)")
        }
    }

    /// Every XML part of a workbook or document, as text.
    static func xmlParts(_ data: Data) throws -> [(path: String, text: String)] {
        let archive = try Archive(data: data, accessMode: .read)
        return try archive.filter { $0.path.hasSuffix(".xml") }.map { entry in
            var xml = Data()
            _ = try archive.extract(entry) { xml.append($0) }
            return (entry.path, String(decoding: xml, as: UTF8.self))
        }
    }

    @Test("SQL in every query parameter changes nothing and breaks nothing", arguments: Backend.all)
    func sqlInParameters(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            let counts = try await Backups.exportAll(app.db).mapValues(\.count)
            let injections = ["' OR '1'='1", "1; DROP TABLE projects; --", "\" OR 1=1 --", "2016-10' UNION SELECT password_hash FROM users --", "%00", "../../etc/passwd"]
            let parameters = ["programme", "from", "to", "asOf", "offset", "limit", "format", "meeting", "q"]
            var tried = 0
            for registered in app.routes.all where registered.method == .GET {
                guard let route = RouteMatrixTests.route(registered) else { continue }
                let path = RouteMatrixTests.path(route, ids, token: UUID())
                for parameter in parameters {
                    for injection in injections {
                        let encoded = injection.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                        let response = try await admin.get(path + (path.contains("?") ? "&" : "?") + "\(parameter)=\(encoded)")
                        #expect(response.status.code < 500, "GET \(route.rawValue)?\(parameter)=\(injection): \(response.status)")
                        #expect(!response.body.string.contains("$2b$") && !response.body.string.contains("$2y$"), "a password hash leaked")
                        tried += 1
                    }
                }
            }
            #expect(try await Backups.exportAll(app.db).mapValues(\.count) == counts, "every table has the rows it had")
            print("SQL injection: \(tried) requests (\(injections.count) strings × \(parameters.count) parameters × every GET route).")
        }
    }

    @Test("A form body over 2 MB and an upload over 26 MB are refused with 413, and nothing is saved", arguments: Backend.all)
    func oversizedBodies(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            admin.transport = .running(port: 0)
            _ = try await admin.get("/")
            // a long form under the limit arrives in many network reads and is still read whole
            let long = try await admin.post(AppRoute.glossary.link(), ["abbreviation": "LONG", "expansion": String(repeating: "x", count: 600 * 1024)])
            #expect(long.status != .forbidden, "the CSRF token of a long form is found")
            _ = try await admin.get("/")
            let before = try await AuditLog.recent(app.db, limit: 10_000).count
            let big = try await admin.post(AppRoute.glossary.link(), ["abbreviation": "BIG", "expansion": String(repeating: "x", count: 3 * 1024 * 1024)])
            #expect(big.status == .payloadTooLarge)
            _ = try await admin.get("/")
            let upload = try await admin.postMultipart(AppRoute.importTable.link(portfolio: ids.cdg.info.id), [("period", "")],
                                                       file: ("file", "huge.csv", Data(repeating: 65, count: 27 * 1024 * 1024)))
            #expect(upload.status == .payloadTooLarge)
            let json = try await admin.send(.PUT, AppRoute.apiReturn.link(period: ids.october.id, project: ids.mat001.id),
                                            json: #"{"baseVersion": 1, "update": "\#(String(repeating: "y", count: 2 * 1024 * 1024))"}"#, csrf: true)
            #expect(json.status == .payloadTooLarge)
            #expect(try await AuditLog.recent(app.db, limit: 10_000).count == before)
        }
    }
}
