import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import AssureTestSupport
import AssureWeb
import Foundation
import Testing
import Vapor
import VaporTesting

/// python-docx (from PyPI; .ci/run installs it) reads the DOCX Assure writes, as Word and LibreOffice would.
enum PythonDocx {
    static var isAvailable: Bool { Openpyxl.module("docx") }
    static var isRequired: Bool { ProcessInfo.processInfo.environment["ASSURE_REQUIRE_OPENPYXL"] == "1" }
}

@Suite("The governing-body paper in the web app")
struct PaperTests {
    @Test("The printable page numbers the progress; a bad edit comes back with its values", arguments: Backend.all)
    func page(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            let page = try await admin.get(Link.paper(period: ids.registers.paperPeriod).path).body.string
            #expect(page.contains("3.106") && page.contains("Table of Abbreviations") && page.contains("Download DOCX"))
            let bad = try await admin.post(
                Link.paperTexts(period: ids.registers.paperPeriod).path,
                [
                    "meeting": ids.registers.paperMeeting.uuidString, "baseVersion": "1", "title": "Kept <title>",
                    "author": "",
                    "sponsor": "T Goodson", "purpose": "Update", "recommendation": "Note",
                ])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("Give its author.") && bad.body.string.contains("Kept &lt;title&gt;"))
            // a draft period has no paper
            #expect(try await admin.get(Link.paper(period: ids.october.id).path).status == .unprocessableEntity)
        }
    }

    @Test(
        "python-docx reads the DOCX: headings, the prioritisation and allocation tables with their totals, and abbreviations used",
        .enabled(if: PythonDocx.isAvailable || PythonDocx.isRequired), arguments: Backend.all)
    func docx(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            let ids = try await DemoIDs.load(app)
            let board = try await WebClient.signedIn(app, as: "board@assure.demo")
            let response = try await board.get(
                Link.paper(period: ids.registers.paperPeriod).path(query: "format=docx"))
            #expect(response.headers.contentType?.description.contains("wordprocessingml") == true)
            let file = Openpyxl.temporaryFile("paper.docx")
            defer { try? FileManager.default.removeItem(at: file) }
            try Data(buffer: response.body).write(to: file)
            let output = try await Openpyxl.run(
                """
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
                """,
                arguments: [
                    file.path,
                    String(
                        decoding: try JSONEncoder().encode(
                            try await GlossaryEntries.all(app.db).map(\.entry.abbreviation)), as: UTF8.self),
                ])
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

    @Test(
        "Transformation Programme's July 2016 paper finds no meeting of its own: the page says so and offers its meetings",
        arguments: Backend.all)
    func noMeetingOfItsOwn(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            // given the demo, whose Governing Body meeting of 21 March 2018 is Our Dorset ICS's
            let pmo = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            let (portfolio, july) = try await Catalogue.findPeriod(
                app.db, key: "2016-07", portfolio: "Transformation Programme")
            // when the PMO opens July 2016's board paper
            let page = try await pmo.get(Link.paper(period: july.id).path).body.string
            // then no other portfolio's meeting or finance table is used, and the page says why and what to do
            #expect(page.contains("No meeting of Transformation Programme falls in July 2016"))
            #expect(!page.contains("21/03/2018") && !page.contains("Recommended Allocation"))
            #expect(page.contains("Add a meeting on the Meetings page"))
            // and choosing the other portfolio's meeting by hand is refused
            let other = try #require(try await Meetings.all(app.db).first { $0.committee == "Governing Body" })
            let chosen = try await pmo.get(
                Link.paper(period: july.id).path(query: "meeting=\(other.id.uuidString)"))
            #expect(chosen.status == .unprocessableEntity)
            #expect(chosen.body.string.contains("is not a meeting of Transformation Programme"))
            // when the PMO adds a Governing Body meeting for the portfolio in July's cycle
            _ = try await pmo.get(Link.meetings.path)
            let added = try await pmo.post(
                Link.meetings.path,
                [
                    "committee": "Governing Body", "date": "2016-08-17", "time": "",
                    "venue": "", "members": "", "portfolio": portfolio.info.name,
                ])
            #expect(added.status == .seeOther)
            // then the paper goes to it, without the other portfolio's finance tables, with its blanks to be completed
            let paper = try await pmo.get(Link.paper(period: july.id).path).body.string
            #expect(paper.contains("17/08/2016"))
            #expect(!paper.contains("Recommended Allocation"))
            #expect(paper.contains(PaperRules.toBeCompleted))
            #expect(paper.contains("To be completed before the meeting"))
            // when the PMO gives the funding round to the Transformation Programme instead
            let round = try #require(try await FundingRounds.all(app.db).first).id
            _ = try await pmo.get(Link.fundingRounds.path)
            let moved = try await pmo.post(
                Link.fundingRoundPortfolio(id: round).path, ["portfolio": portfolio.info.name])
            #expect(moved.status == .seeOther)
            // then its table is in July's paper and no longer in Our Dorset ICS's
            #expect(
                try await pmo.get(Link.paper(period: july.id).path).body.string.contains("Recommended Allocation"))
            let (_, march) = try await Catalogue.findPeriod(app.db, key: "2018-03", portfolio: "Our Dorset ICS")
            #expect(
                !(try await pmo.get(Link.paper(period: march.id).path).body.string.contains(
                    "Recommended Allocation")))
        }
    }

    @Test(
        "The paper's form offers the progress drafted from the data; what the PMO saves is what the page and DOCX print",
        .enabled(if: PythonDocx.isAvailable || PythonDocx.isRequired), arguments: Backend.all)
    func progressDrafted(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            // given CDG Priorities' October 2016 published after September, and its board meeting
            let pmo = Actor.commandLine("test")
            let (portfolio, october) = try await Catalogue.findPeriod(
                app.db, key: "2016-10", portfolio: "CDG Priorities")
            _ = try await PeriodLifecycle.publish(app.db, pmo, periodID: october.id, missing: .carryForward)
            let meeting = try await Meetings.create(
                app.db, pmo, committee: "Governing Body", date: "2016-11-16", time: "", venue: "", members: [],
                forwardPlan: false, today: CalendarDate(year: 2016, month: 11, day: 1)!,
                portfolioID: portfolio.info.id)
            // when the PMO opens the paper
            let admin = try await WebClient.signedIn(app, as: DemoLoader.adminEmail)
            let page = try await admin.get(Link.paper(period: october.id).path).body.string
            // then its form holds the progress drafted from September to October, a programme's lines under its name
            let box = try #require(page.firstMatch(of: #/name="progress"[^>]*>([^<]*)</textarea>/#)).1
            let lines = String(box).replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
                .split(separator: "\n").map(String.init)
            let programme = try #require(lines.first { $0.hasPrefix("# ") })
            let sentence = try #require(lines.first { !$0.hasPrefix("# ") })
            #expect(sentence.hasSuffix("."))
            // and the printed paper does not carry it until the PMO saves it
            let article = try #require(page.firstRange(of: "</article>")).lowerBound
            #expect(!page[..<article].contains(sentence.htmlEscapedForTest))
            // when she keeps one programme's first line, edited, and saves the paper
            let edited = "Edited: " + sentence
            let saved = try await admin.post(
                Link.paperTexts(period: october.id).path,
                [
                    "meeting": meeting.id.uuidString, "baseVersion": "0", "title": "CDG priorities",
                    "author": "M Gorman", "sponsor": "T Goodson", "purpose": "Update", "recommendation": "Note",
                    "progress": programme + "\n" + edited,
                ])
            #expect(saved.status == .seeOther, "\(saved.body.string.prefix(500))")
            // then the page prints it first in that programme's progress, numbered, and offers no draft any more
            let after = try await admin.get(Link.paper(period: october.id).path).body.string
            #expect(after.contains(edited.htmlEscapedForTest))
            let box2 = try #require(after.firstMatch(of: #/name="progress"[^>]*>([^<]*)</textarea>/#)).1
            #expect(box2.split(separator: "\n").count == 2, "what was saved, not the draft")
            // and beside the box, the draft is still there, each project it names linked to its page
            let draft = try #require(after.firstRange(of: "id=\"progress-draft\"")).lowerBound
            #expect(after[draft...].contains("<a href=\"/projects/"))
            let printed = try #require(after.firstRange(of: "</article>")).lowerBound
            #expect(!after[..<printed].contains("progress-draft") && printed < draft)
            // and the DOCX a board member downloads says it too, numbered under the programme's heading
            let board = try await WebClient.signedIn(app, as: "board@assure.demo")
            let response = try await board.get(Link.paper(period: october.id).path(query: "format=docx"))
            let file = Openpyxl.temporaryFile("paper.docx")
            defer { try? FileManager.default.removeItem(at: file) }
            try Data(buffer: response.body).write(to: file)
            let output = try await Openpyxl.run(
                """
                import json, sys, docx
                print(json.dumps([p.text for p in docx.Document(sys.argv[1]).paragraphs]))
                """, arguments: [file.path])
            let paragraphs = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String])
            let heading = try #require(paragraphs.firstIndex(of: String(programme.dropFirst(2))))
            #expect(paragraphs[heading + 1].contains(edited), "\(paragraphs[heading + 1])")
        }
    }

    @Test(
        "python-docx reads a carried-forward project's mark and the paper's own meeting in the DOCX",
        .enabled(if: PythonDocx.isAvailable || PythonDocx.isRequired), arguments: Backend.all)
    func docxCarriedForward(backend: Backend) async throws {
        try await withWebApp(backend) { app in
            // given CDG Priorities' October 2016 published with the missing returns carried forward, and its board meeting
            let pmo = Actor.commandLine("test")
            let (portfolio, october) = try await Catalogue.findPeriod(
                app.db, key: "2016-10", portfolio: "CDG Priorities")
            _ = try await PeriodLifecycle.publish(app.db, pmo, periodID: october.id, missing: .carryForward)
            _ = try await Meetings.create(
                app.db, pmo, committee: "Governing Body", date: "2016-11-16", time: "", venue: "", members: [],
                forwardPlan: false, today: CalendarDate(year: 2016, month: 11, day: 1)!,
                portfolioID: portfolio.info.id)
            // when a board member downloads the paper as DOCX and python-docx reads it
            let board = try await WebClient.signedIn(app, as: "board@assure.demo")
            let response = try await board.get(Link.paper(period: october.id).path(query: "format=docx"))
            #expect(response.status == .ok)
            let file = Openpyxl.temporaryFile("paper.docx")
            defer { try? FileManager.default.removeItem(at: file) }
            try Data(buffer: response.body).write(to: file)
            let output = try await Openpyxl.run(
                """
                import json, sys, docx
                d = docx.Document(sys.argv[1])
                tables = [[[c.text for c in row.cells] for row in t.rows] for t in d.tables]
                print(json.dumps({"paragraphs": [p.text for p in d.paragraphs], "cover": tables[0],
                                  "summary": [t for t in tables if t[0][0] == "Programme"][0]}))
                """, arguments: [file.path])
            let result = try JSONSerialization.jsonObject(with: Data(output.utf8)) as! [String: Any]
            // then the cover names its own meeting's date, blanks say they are to be completed,
            let cover = try #require(result["cover"] as? [[String]])
            #expect(cover.first == ["Date of the meeting", "16/11/2016"])
            #expect(cover.contains(["Author", PaperRules.toBeCompleted]))
            // each carried-forward project says so before its text, and the summary counts them per programme
            let paragraphs = try #require(result["paragraphs"] as? [String])
            #expect(paragraphs.contains { $0.hasPrefix("Not updated since September 2016: no return this period") })
            let summary = try #require(result["summary"] as? [[String]])
            #expect(summary.contains { $0[0].contains("not updated this period") })
        }
    }
}
