import AssureCore
import Foundation
import Testing

/// Tables as a paper or a spreadsheet gives them, read with the guessed mapping.
private func plan(
    _ rows: [[String]], scale: RatingScale = .threePoint, context: ImportContext? = nil,
    choices: [String] = []
) throws -> ImportPlan {
    let table = ImportTable(text: rows)
    var mapping = try #require(ImportMapping.guess(table))
    if !choices.isEmpty { mapping = try mapping.applying(choices).get() }
    return ImportReader.read(table, mapping: mapping, context: context ?? ImportContext(scale: scale))
}

@Suite("Reading a pasted or uploaded table")
struct ImportReaderTests {
    @Test("Header words from the seed papers are recognised, below a title line")
    func recognisesHeaders() throws {
        // given a seed 000 monitoring table under its title
        let table = ImportTable(text: [
            ["MATERNITY AND FAMILY HEALTH MONITORING REPORT"], [],
            [
                "Reference", "Priorities/Projects", "Commencement Date of Project", "Progress Updates / Comments",
                "Current Milestone", "Milestone Timescale", "Project Time Scale", "RAG", "Change", "Budget £",
            ],
        ])
        // when the mapping is guessed
        let mapping = try #require(ImportMapping.guess(table))
        // then the header row is found and each column has its field; the unknown one is a custom attribute
        #expect(mapping.headerRow == 3)
        #expect(
            mapping.targets.map(\.text) == [
                "reference", "project", "commencement", "update", "milestone", "milestone-date",
                "project-timescale", "rating", "trend", "attribute",
            ])
    }

    @Test(
        "A departmental return's headers: 'DCA status' is the rating, 'Dept' or 'Department' the programme",
        arguments: ["Dept", "Department"])
    func departmentalHeaders(programmeHeader: String) throws {
        // given a table as a department's own spreadsheet heads it
        let table = ImportTable(text: [
            [programmeHeader, "Project", "DCA status", "Update"],
            ["Estates", "New surgery", "Amber", "Planning submitted."],
        ])
        // when the mapping is guessed, then each header has its field
        let mapping = try #require(ImportMapping.guess(table))
        #expect(mapping.targets.map(\.text) == ["programme", "project", "rating", "update"])
    }

    @Test("Blank programme and project cells continue the row above; a) starts a sub-item")
    func continuationAndSubItems() throws {
        let result = try plan([
            [
                "PROGRAMME", "PROJECT/ROLE", "MILESTONE(S)", "MILESTONE DATE", "SRO (executive)", "RAG",
                "STATUS SINCE LAST REPORT",
            ],
            ["Transformation", "PCBC", "Final lockdown", "20-Jul-16", "Phil Richardson", "Amber", "↔"],
            ["", "", "Second milestone", "31-Jul-16", "", "Red", ""],
            ["", "Engagement", "Roadshow", "01-Sep-16", "Charles Summers", "Green", "↓"],
            ["", "a) Staff Development", "", "", "", "Green", ""],
            ["", "B) Membership Development", "", "", "", "", ""],
            ["Acute Hospital", "Acute Vanguard", "Link", "On-going", "Mike Wood", "Green", "↑"],
        ])
        // then
        #expect(result.isClean, "\(result.problems)")
        #expect(result.projects.map(\.title) == ["PCBC", "Engagement", "Acute Vanguard"])
        #expect(result.projects.map(\.programme) == ["Transformation", "Transformation", "Acute Hospital"])
        let pcbc = result.projects[0]
        #expect(pcbc.rating == "Amber")
        #expect(pcbc.trend == .unchanged)
        // the second row rates its milestone, so the RAG column is per milestone: the first row's rates the first
        #expect(
            pcbc.milestones == [
                MilestoneLine(title: "Final lockdown", date: "20-Jul-16", rating: "Amber"),
                MilestoneLine(title: "Second milestone", date: "31-Jul-16", rating: "Red"),
            ])
        #expect(result.projects[1].children.map(\.title) == ["Staff Development", "Membership Development"])
        #expect(result.projects[1].children[0].rating == "Green")
        #expect(result.newProgrammes == ["Transformation", "Acute Hospital"])
    }

    @Test(
        "Five-point ratings are read however they are typed",
        arguments: ["Amber/Red", "AMBER / RED", "Amber/red", " amber/ red "])
    func fivePointSpellings(written: String) throws {
        let result = try plan([["Programme", "Project", "RAG"], ["P", "X", written]], scale: .fivePoint)
        #expect(result.isClean)
        #expect(result.projects.first?.rating == "Amber/Red")
    }

    @Test("A rating off the scale stops the import, naming row and column, unless kept as written")
    func offScaleRating() throws {
        let rows = [
            ["CDG", "PROJECT REFERENCE", "PRIORITY", "RAG"],
            ["Mental Health", "MH005", "Liaison", "Priority owned by M&FH"],
        ]
        let refused = try plan(rows)
        #expect(!refused.isClean)
        let problem = try #require(refused.errors.first)
        #expect(problem.row == 2 && problem.column == 3 && problem.header == "RAG")
        #expect(
            problem.description.hasPrefix(
                "Row 2, column D (RAG): “Priority owned by M&FH” is not on the three-point scale"))
        let kept = try plan(rows, context: ImportContext(scale: .threePoint, keepOffScaleRatings: true))
        #expect(kept.isClean)
        #expect(kept.projects.first?.rating == "Priority owned by M&FH")
        #expect(kept.warnings.count == 1)
    }

    @Test("Duplicate references are errors at the second row")
    func duplicateReferences() throws {
        let result = try plan([["Programme", "Reference", "Project"], ["P", "MH001", "One"], ["P", "mh001", "Two"]])
        #expect(result.errors.map(\.row) == [3])
        #expect(result.errors.first?.message == "The reference mh001 is also used in row 2.")
    }

    @Test("Unmapped columns become typed custom attributes: numbers with separators, money, dates, None as empty")
    func customAttributes() throws {
        let result = try plan(
            [
                ["Department", "Project", "Budget (£)", "Staff", "Go-live", "Notes"],
                ["Finance", "Ledger", "1,250,000", "12", "31/03/2017", "None"],
                ["Finance", "Payroll", "£300,000", "None", "2017-06-30", "Phase 2"],
            ], choices: ["Department=programme"])
        #expect(result.isClean, "\(result.problems)")
        #expect(result.attributeKinds.map(\.kind) == [.money, .number, .date, .text])
        let ledger = try #require(result.projects.first)
        #expect(ledger.programme == "Finance")
        #expect(ledger.attributes.map(\.text) == ["1250000", "12", "2017-03-31"])
        #expect(ledger.attributes.first?.number == 1_250_000)
        #expect(result.projects[1].attributes.map(\.name) == ["Budget (£)", "Go-live", "Notes"])
    }

    @Test("A value that does not fit a chosen attribute type is an error where it is")
    func badAttributeValue() throws {
        let result = try plan(
            [["Programme", "Project", "Cost"], ["P", "A", "1,000"], ["P", "B", "twelve"]],
            choices: ["Cost=attribute:money"])
        #expect(result.errors.map(\.description) == ["Row 3, column C (Cost): “twelve” is not a number."])
    }

    @Test("Known projects are matched by reference, then by name in their programme")
    func matchesKnownProjects() throws {
        let mat = UUID(), ics = UUID()
        let context = ImportContext(
            scale: .threePoint, programmes: ["Maternity"],
            projects: [
                KnownProject(id: mat, programme: "Maternity", parentID: nil, reference: "MAT001", title: "Network"),
                KnownProject(
                    id: ics, programme: "Maternity", parentID: nil, reference: nil, title: "Children's service"),
            ])
        let result = try plan(
            [
                ["Programme", "Reference", "Project", "RAG"], ["Maternity", "MAT001", "Network (renamed)", "Red"],
                ["Maternity", "", "children's service", "Green"], ["Maternity", "", "Brand new", "Green"],
            ],
            context: context)
        #expect(result.projects.map(\.match) == [.existing(mat), .existing(ics), .new])
        #expect(result.newProgrammes.isEmpty)
    }

    @Test("Bad mapping choices are all named, and nothing is applied")
    func badChoices() throws {
        let table = ImportTable(text: [["Programme", "Project"], ["P", "X"]])
        let mapping = try #require(ImportMapping.guess(table))
        guard case .failure(let problems) = mapping.applying(["Nope=rating", "Project=colour", "broken"]) else {
            Issue.record("bad choices were accepted"); return
        }
        #expect(problems.problems.count == 3)
    }

    @Test("Without a project or reference column nothing can be read")
    func needsProjectColumn() throws {
        let result = try plan([["Programme", "RAG"], ["P", "Green"]])
        #expect(!result.isClean)
    }
}
