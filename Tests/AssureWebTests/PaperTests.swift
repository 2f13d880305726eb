import AssureCore
import AssureStorage
import AssureTestSupport
import AssureWeb
import Foundation
import Testing
import Vapor
import VaporTesting

/// python-docx (from PyPI; .ci/run installs it) reads the DOCX Assure writes, as Word and LibreOffice would.
enum PythonDocx {
    static var isAvailable: Bool { (try? Openpyxl.run("import docx", arguments: [])) != nil }
    static var isRequired: Bool { ProcessInfo.processInfo.environment["ASSURE_REQUIRE_OPENPYXL"] == "1" }
}

@Suite("The governing-body paper in the web app")
struct PaperTests {
    @Test("The printable page numbers the progress; a bad edit comes back with its values", arguments: Backend.all)
    func page(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            let page = try await admin.get(AppRoute.paper.link(period: ids.registers.paperPeriod)).body.string
            #expect(page.contains("3.106") && page.contains("Table of Abbreviations") && page.contains("Download DOCX"))
            let bad = try await admin.post(AppRoute.paperTexts.link(period: ids.registers.paperPeriod),
                                           ["meeting": ids.registers.paperMeeting.uuidString, "baseVersion": "1", "title": "Kept <title>", "author": "",
                                            "sponsor": "T Goodson", "purpose": "Update", "recommendation": "Note"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Give its author.") && bad.body.string.contains("Kept &lt;title&gt;"))
            // a draft period has no paper
            #expect(try await admin.get(AppRoute.paper.link(period: ids.october.id)).status == .unprocessableEntity)
        }
    }

    @Test("python-docx reads the DOCX: headings, the prioritisation and allocation tables with their totals, and abbreviations used",
          .enabled(if: PythonDocx.isAvailable || PythonDocx.isRequired), arguments: Backend.all)
    func docx(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let board = try await WebClient.signedIn(app, as: "board@assure.demo")
            let response = try await board.get(AppRoute.paper.link(period: ids.registers.paperPeriod, query: "format=docx"))
            #expect(response.headers.contentType?.description.contains("wordprocessingml") == true)
            let file = Openpyxl.temporaryFile("paper.docx")
            defer { try? FileManager.default.removeItem(at: file) }
            try Data(buffer: response.body).write(to: file)
            let output = try Openpyxl.run("""
                import json, re, sys, docx
                d = docx.Document(sys.argv[1])
                headings = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
                tables = [[[c.text for c in row.cells] for row in t.rows] for t in d.tables]
                abbreviations = tables[-1][1:]
                body = "\\n".join([p.text for p in d.paragraphs] + [c for t in tables[:-1] for row in t for c in row])
                words = set(re.findall(r"[A-Za-z0-9&]+", body))
                glossary = json.loads(sys.argv[2])
                used = sorted([a for a in glossary if a in words], key=str.lower)
                print(json.dumps({"headings": headings, "prioritisation": [t for t in tables if t[0][-1] == "Score"][0],
                                  "allocation": [t for t in tables if t[0][0] == "Business Case" and t[0][1] == "Recommended Allocation"][0],
                                  "abbreviations": [row[0] for row in abbreviations], "used": used}))
                """, arguments: [file.path, String(decoding: try JSONEncoder().encode(try await GlossaryEntries.all(app.db).map(\.entry.abbreviation)), as: UTF8.self)])
            let result = try JSONSerialization.jsonObject(with: Data(output.utf8)) as! [String: Any]
            #expect((result["headings"] as? [String])?.contains("6. Finance Update") == true)
            #expect((result["headings"] as? [String])?.last == "9. Table of Abbreviations")
            let prioritisation = try #require(result["prioritisation"] as? [[String]])
            #expect(prioritisation.map { $0.last! } == ["Score", "12", "14", "13", "15"])
            let allocation = try #require(result["allocation"] as? [[String]])
            #expect(allocation.suffix(2) == [["Total", "£6,130,000", ""], ["ACS FIC FT", "£6,800,000", ""]])
            let abbreviations = try #require(result["abbreviations"] as? [String])
            #expect(abbreviations == result["used"] as? [String])
            #expect(abbreviations.contains("PTIP") && abbreviations.count >= 20)
        }
    }
}
