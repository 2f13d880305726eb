import AssureCore
import AssureDemo
import Foundation
import Testing

@Suite("Seed 002: the governing-body paper assembled from data")
struct GoverningBodyPaperTests {
    static let meeting = Meeting(committee: "Governing Body", date: CalendarDate(year: 2018, month: 3, day: 21)!)

    static func paper() throws -> GoverningBodyPaper {
        let data = try #require(GoverningBody2018.portfolio.periodData("2018-03"))
        return GoverningBodyPaper.build(
            report: PeriodReportBuilder.build(data), meeting: meeting, texts: GoverningBody2018.paperTexts,
            prioritisations: [GoverningBody2018.prioritisation], funding: [GoverningBody2018.funding],
            glossary: GoverningBody2018.glossary)
    }

    @Test(
        "Section 3 numbers the returns' paragraphs 3.1 to 3.106, in the paper's order, under its programmes and workstreams"
    )
    func numberedProgress() throws {
        let numbered = try Self.paper().blocks.compactMap { block -> NumberedParagraph? in
            if case .numbered(let item) = block, item.number.hasPrefix("3.") { return item }
            return nil
        }
        #expect(numbered.count == 106)
        #expect(
            numbered.first
                == NumberedParagraph(
                    number: "3.1",
                    text:
                        "Patient benefits cases continue to be iterated and work on post transaction integration plan (PTIP) has commenced"
                ))
        #expect(numbered.last?.number == "3.106")
        #expect(numbered.last?.text == "Milestones for completion of full evaluation to be agreed.")
        #expect(
            numbered.map(\.text)
                == GoverningBody2018Narrative.programmes.flatMap { $0.workstreams.flatMap(\.paragraphs) })
    }

    @Test("The sections are the paper's, with the cover sheet, the finance tables and no items to escalate")
    func sections() throws {
        let blocks = try Self.paper().blocks
        let headings = blocks.compactMap { block -> String? in
            if case .heading(1, let text) = block { return text }; return nil
        }
        #expect(
            headings == [
                "INTEGRATED CARE SYSTEM (ICS) DELIVERY UPDATE", "1. Introduction", "2. Report", "3. Portfolio Progress",
                "4. Items raised for discussion at SLT", "5. Items raised for decision at SLT", "6. Finance Update",
                "7. Engagement Update", "8. Conclusion", "9. Table of Abbreviations",
            ])
        let tables = blocks.compactMap { block -> ReportTable? in
            if case .table(let table) = block { return table }; return nil
        }
        #expect(tables[0].textRows.first == ["Date of the meeting", "21/03/2018"])
        #expect(tables.contains { $0.textRows.last?.last == "15" })
        #expect(tables.contains { $0.textRows.contains(["Total", "£6,130,000", ""]) })
        #expect(
            blocks.contains(
                .numbered(
                    NumberedParagraph(
                        number: "4.1",
                        text: "At this time, there are no required escalation items for discussion at SLT."))))
    }

    @Test("The table of abbreviations holds exactly the glossary entries whose abbreviation the paper's text uses")
    func abbreviations() throws {
        let paper = try Self.paper()
        let text = paper.blocks.dropLast(2).map { block -> String in
            switch block {
            case .heading(_, let text), .paragraph(let text): return text
            case .numbered(let item): return item.text
            case .table(let table):
                return ([table.title] + table.columns + table.textRows.flatMap { $0 }).joined(separator: " ")
            case .pageBreak: return ""
            }
        }.joined(separator: "\n")
        // an independent reading: a word boundary either side, by regular expression
        let expected = GoverningBody2018.glossary.filter { entry in
            text.contains(
                try! Regex(
                    "(^|[^A-Za-z0-9&])" + NSRegularExpression.escapedPattern(for: entry.abbreviation)
                        + "($|[^A-Za-z0-9&])"))
        }.map(\.abbreviation).sorted { $0.lowercased() < $1.lowercased() }
        #expect(paper.abbreviations.map(\.abbreviation) == expected)
        #expect(paper.abbreviations.contains { $0.abbreviation == "PTIP" })
        #expect(
            expected.count < GoverningBody2018.glossary.count,
            "some glossary entries are not used, so the filter is tested")
    }
}
