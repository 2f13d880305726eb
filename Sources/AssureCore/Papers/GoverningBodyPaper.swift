import Foundation

/// A numbered paragraph: "3.14" and its text.
public struct NumberedParagraph: Codable, Hashable, Sendable {
    public var number: String
    public var text: String

    public init(number: String, text: String) {
        self.number = number
        self.text = text
    }
}

/// One block of the paper, in reading order: the same list feeds the printable HTML and the DOCX.
public enum PaperBlock: Codable, Hashable, Sendable {
    case heading(level: Int, text: String)
    case paragraph(String)
    case numbered(NumberedParagraph)
    case table(ReportTable)
    case pageBreak
}

/// The paper to the governing body for a published period and a meeting (seed 002): cover sheet, portfolio summary,
/// numbered progress per programme drawn from the returns, items for discussion and decision, the finance tables,
/// engagement, conclusion, and the abbreviations its text uses.
public struct GoverningBodyPaper: Codable, Hashable, Sendable {
    public var meeting: Meeting
    public var period: PeriodInfo
    public var blocks: [PaperBlock]
    public var abbreviations: [GlossaryEntry]

    public static func build(
        report: PeriodReport, meeting: Meeting, texts: PaperTexts, prioritisations: [CriteriaSet],
        funding: [FundingRound], glossary: [GlossaryEntry]
    ) -> GoverningBodyPaper {
        var blocks: [PaperBlock] = [
            .heading(level: 0, text: "\(meeting.committee) Meeting"),
            .heading(level: 1, text: texts.title),
            .table(cover(meeting: meeting, texts: texts)),
            .heading(level: 2, text: "Monitoring and Assurance Summary"),
            .paragraph(
                "This report links to the following Strategic Principles: "
                    + PaperRules.printed(
                        texts.strategicPrinciples.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
                            .joined(separator: "; ")) + "."),
            .table(checklist(texts)),
            .paragraph("Initials: \(PaperRules.printed(texts.initials))"),
            .pageBreak,
        ]
        blocks += section(1, "Introduction", texts.introduction)
        blocks.append(.heading(level: 1, text: "2. Report"))
        blocks.append(.heading(level: 2, text: "Portfolio Summary"))
        blocks.append(.table(portfolioSummary(report)))
        blocks.append(.table(ratingKey))
        blocks.append(.heading(level: 1, text: "3. Portfolio Progress"))
        var number = 0
        for programme in report.programmes {
            blocks.append(.heading(level: 2, text: programme.programme.name))
            // The PMO's summary of the programme, as accepted on the paper's form, comes before its returns.
            for text in texts.progress?.first(where: { $0.heading == programme.programme.name })?.paragraphs ?? [] {
                number += 1
                blocks.append(.numbered(NumberedParagraph(number: "3.\(number)", text: text)))
            }
            for row in programme.projects {
                let paragraphs = [row.update, row.mitigation].flatMap { $0.split(separator: "\n").map(String.init) }
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                guard !paragraphs.isEmpty || row.notUpdatedWords != nil else { continue }
                if row.project.title != programme.programme.name {
                    blocks.append(.heading(level: 3, text: row.project.title))
                }
                if let notUpdated = row.notUpdatedWords {
                    // The board must read the age of what follows before it reads the words.
                    blocks.append(
                        .paragraph("\(notUpdated): no return this period; the text below is from the last return."))
                }
                for text in paragraphs {
                    number += 1
                    blocks.append(.numbered(NumberedParagraph(number: "3.\(number)", text: text)))
                }
            }
        }
        blocks += section(
            4, "Items raised for discussion at SLT",
            texts.discussionItems.isEmpty
                ? ["At this time, there are no required escalation items for discussion at SLT."]
                : texts.discussionItems)
        blocks += section(
            5, "Items raised for decision at SLT",
            texts.decisionItems.isEmpty
                ? ["At this time, there are no required escalation items for Decision at SLT."] : texts.decisionItems)
        blocks += section(6, "Finance Update", texts.financeIntroduction)
        var financeNumber = texts.financeIntroduction.count
        for set in prioritisations {
            financeNumber += 1
            blocks.append(
                .numbered(
                    NumberedParagraph(
                        number: "6.\(financeNumber)",
                        text: "The table below shows the prioritisation scores for each bid:")))
            blocks.append(.table(set.table))
        }
        for round in funding {
            financeNumber += 1
            blocks.append(
                .numbered(
                    NumberedParagraph(
                        number: "6.\(financeNumber)",
                        text: "The table below shows the recommended funding allocation from IPG:")))
            blocks.append(.table(round.table))
        }
        blocks.append(.heading(level: 1, text: "7. Engagement Update"))
        var engagementNumber = 0
        for subsection in texts.engagement {
            if !subsection.heading.isEmpty { blocks.append(.heading(level: 2, text: subsection.heading)) }
            for text in subsection.paragraphs {
                engagementNumber += 1
                blocks.append(.numbered(NumberedParagraph(number: "7.\(engagementNumber)", text: text)))
            }
        }
        blocks += section(8, "Conclusion", texts.conclusion)
        let text = blocks.map(\.text).joined(separator: "\n")
        let used = Glossary.used(in: text, from: glossary)
        blocks.append(.heading(level: 1, text: "9. Table of Abbreviations"))
        blocks.append(.table(Glossary.table(used)))
        blocks.append(.paragraph("Author's name and Title: \(PaperRules.printed(texts.author))"))
        return GoverningBodyPaper(meeting: meeting, period: report.period, blocks: blocks, abbreviations: used)
    }

    static func section(_ number: Int, _ heading: String, _ paragraphs: [String]) -> [PaperBlock] {
        [.heading(level: 1, text: "\(number). \(heading)")]
            + paragraphs.enumerated().map {
                .numbered(NumberedParagraph(number: "\(number).\($0.offset + 1)", text: $0.element))
            }
    }

    static func cover(meeting: Meeting, texts: PaperTexts) -> ReportTable {
        let day = meeting.date
        let date = "\(day.day < 10 ? "0" : "")\(day.day)/\(day.month < 10 ? "0" : "")\(day.month)/\(day.year)"
        let rows =
            [("Date of the meeting", date)]
            + PaperRules.coverFields(texts).map { ($0.label, PaperRules.printed($0.value)) }
        return ReportTable(title: "Cover sheet", columns: ["", ""], rows: rows.map { [.init($0.0), .init($0.1)] })
    }

    static func checklist(_ texts: PaperTexts) -> ReportTable {
        ReportTable(
            title: "Assurance checklist", columns: ["", "Yes", "Yes Detail in report", "No", "Any action required?"],
            rows: texts.checklist.map { line in
                [.init(line.matter)] + ChecklistAnswer.allCases.map { .init(line.answer == $0 ? "✓" : "") }
                    + [.init(line.actionRequired ? "Yes" : "No")]
            })
    }

    /// A rating per programme: its worst project's, on the portfolio's scale, and what it means.
    static func portfolioSummary(_ report: PeriodReport) -> ReportTable {
        ReportTable(
            title: "Portfolio Summary" + (report.period.isIllustrative ? " (ratings illustrative)" : ""),
            columns: ["Programme", "On track for delivery (Work started)"],
            rows: report.programmes.map { programme in
                var name = ReportTable.Cell(programme.programme.name)
                let notUpdated = programme.projects.filter { $0.notUpdatedWords != nil }.count
                if notUpdated > 0 {
                    name.notice = "\(notUpdated) of \(programme.projects.count) not updated this period"
                }
                return [name, .init(programme.worst?.label ?? "", isRating: true, rating: programme.worst)]
            })
    }

    static let ratingKey = ReportTable(
        title: "Key", columns: ["RAG", "Status"],
        rows: [
            ("Green", "On Track"), ("Amber", "At Risk of Delay"), ("Red", "Off Track – remedial action required"),
        ].map { [.init($0.0, isRating: true, rating: RatingScale.threePoint.level(for: $0.0)), .init($0.1)] })
}

extension PaperBlock {
    /// The words of the block, for finding the abbreviations the paper uses.
    var text: String {
        switch self {
        case .heading(_, let text), .paragraph(let text): return text
        case .numbered(let paragraph): return paragraph.text
        case .table(let table):
            return ([table.title] + table.columns + table.textRows.flatMap { $0 }).joined(separator: " ")
        case .pageBreak: return ""
        }
    }
}
