import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Foundation
import Plot

/// The governing-body paper as a printable page: the same blocks as the DOCX, and for the PMO the form for its texts.
enum PaperPage {
    static func body(_ paper: GoverningBodyPaper) -> [HTMLNode] {
        paper.blocks.map { block in
            switch block {
            case .heading(let level, let text):
                return el(level == 0 ? "p" : "h\(min(level, 3))", [("class", level == 0 ? "lede" : nil)], text: text)
            case .paragraph(let text): return el("p", text: text)
            case .numbered(let item):
                return el("p", [("class", "numbered")], [el("span", text: item.number), el("span", text: item.text)])
            case .table(let table): return ReportTableView.render(table, projectLink: { _ in nil })
            case .pageBreak: return el("div", [("class", "page-break"), ("aria-hidden", "true")])
            }
        }
    }

    /// A standalone printable document, as the CLI writes it.
    static func standalone(_ paper: GoverningBodyPaper) -> String {
        let head = el(
            "head", [],
            [
                el("meta", [("charset", "utf-8")]), el("title", text: "\(paper.meeting.title): \(paper.period.label)"),
                el("style", [], [txt(Stylesheet.css)]),
            ])
        return "<!DOCTYPE html>"
            + el(
                "html", [("lang", "en-GB")],
                [head, el("body", [], [el("main", [("class", "page paper")], body(paper))])]
            ).render()
    }

    /// No meeting of the portfolio falls in the period's cycle: say so, and offer its meetings and the Meetings page.
    static func noMeeting(_ refusal: Papers.NoMeeting, canEdit: Bool, _ context: PageContext) -> String {
        var nodes: [HTMLNode] = [
            el("h1", text: "Board paper: \(refusal.portfolio.name), \(refusal.period.label)"),
            el("div", [("class", "notice"), ("role", "note")], text: refusal.reason),
        ]
        if refusal.meetings.isEmpty {
            nodes.append(el("p", text: "\(refusal.portfolio.name) has no meetings yet."))
        } else {
            nodes.append(el("h2", text: "Choose one of \(refusal.portfolio.name)'s meetings"))
            nodes.append(
                el(
                    "ul", [],
                    refusal.meetings.map {
                        el(
                            "li", [],
                            [
                                link(
                                    Link.paper(period: refusal.period.id).path(query: "meeting=\($0.id.uuidString)"),
                                    $0.title)
                            ])
                    }))
        }
        if canEdit { nodes.append(el("p", [], [link(Link.meetings.path, "Add a meeting on the Meetings page")])) }
        return Layout.render(context, nodes)
    }

    static func render(
        _ contents: Papers.Contents, periodID: UUID, canEdit: Bool, values: [String: String]?, errors: [String: String],
        drafted: ProgressNarrative? = nil, _ context: PageContext
    ) -> String {
        let paper = contents.paper
        let base = Link.paper(period: periodID).path(query: "meeting=\(paper.meeting.id.uuidString)")
        var nodes: [HTMLNode] = [
            el(
                "p", [("class", "actions no-print")],
                [
                    link(base + "&format=docx", "Download DOCX"), txt(" · Meeting: "),
                    .group(
                        contents.meetings.map {
                            $0.id == paper.meeting.id
                                ? el("strong", text: $0.title)
                                : link(
                                    Link.paper(period: periodID).path(query: "meeting=\($0.id.uuidString)"),
                                    $0.title)
                        }),
                ]),
            canEdit && !contents.missing.isEmpty
                ? el(
                    "div", [("class", "notice no-print"), ("role", "note")],
                    [
                        el("strong", text: "To be completed before the meeting: "),
                        txt(
                            contents.missing.joined(separator: ", ")
                                + ". Each prints as “\(PaperRules.toBeCompleted)” until it is."),
                    ]) : txt(""),
            el("article", [("class", "paper")], body(paper)),
        ]
        if canEdit, let drafted {
            // Beside the box: the draft with its sources, still there once the PMO has saved her own words.
            nodes.append(
                el(
                    "section", [("id", "progress-draft"), ("class", "progress-draft no-print")],
                    [
                        el(
                            "h2",
                            text: "Portfolio progress drafted from \(drafted.from.label) to \(drafted.to.label)"),
                        el(
                            "p", [("class", "hint")],
                            text: "Drafted from the two periods' data: each project named links to its page. The box "
                                + "below holds it until the paper is saved; edit or delete any line there. Only what "
                                + "is saved is printed."),
                    ] + ChangesPage.paragraphs(drafted)))
        }
        if canEdit {
            let values = values ?? fields(contents.texts, drafted: drafted)
            nodes.append(
                el(
                    "section", [("class", "no-print")],
                    [
                        el("h2", text: "Edit the paper's own words"),
                        FormViews.errorSummary(errors),
                        postForm(
                            Link.paperTexts(period: periodID).path, csrf: context.csrf,
                            [
                                el(
                                    "input",
                                    [("type", "hidden"), ("name", "meeting"), ("value", paper.meeting.id.uuidString)]),
                                el(
                                    "input",
                                    [("type", "hidden"), ("name", "baseVersion"), ("value", String(contents.version))]),
                                .group(
                                    textFields.map { name, label in
                                        multiline.contains(name)
                                            ? FormViews.textArea(
                                                name, label: label,
                                                hint: hints[name] ?? "One paragraph per line",
                                                value: values[name] ?? "", errors: errors,
                                                rows: name == "progress" ? 16 : nil)
                                            : FormViews.textField(
                                                name, label: label, value: values[name] ?? "", errors: errors)
                                    }),
                                el("div", [("class", "actions")], [button("Save the paper")]),
                            ]),
                    ]))
        }
        return Layout.render(context, nodes)
    }

    static let textFields: [(String, String)] = [
        ("title", "Title"), ("author", "Author"), ("sponsor", "Sponsoring Board member"),
        ("purpose", "Purpose of Report"),
        ("recommendation", "Recommendation"), ("stakeholderEngagement", "Stakeholder Engagement"),
        ("previousCommittees", "Previous GB / Committee/s, Dates"),
        ("initials", "Initials"), ("strategicPrinciples", "Strategic Principles"), ("introduction", "1. Introduction"),
        ("progress", "3. Portfolio progress: the PMO's summary before each programme's returns"),
        ("discussionItems", "4. Items raised for discussion"), ("decisionItems", "5. Items raised for decision"),
        ("financeIntroduction", "6. Finance update (before the tables)"), ("engagement", "7. Engagement update"),
        ("conclusion", "8. Conclusion"),
    ]
    static let hints: [String: String] = [
        "engagement": "One paragraph per line; “# ” starts a heading",
        "progress":
            "Until the paper is saved, drafted from this period and the one published before it: edit or delete any "
            + "line; what is saved is what the paper prints. “# ” and a programme's name start its summary.",
    ]
    static let multiline: Set<String> = [
        "progress", "strategicPrinciples", "introduction", "discussionItems", "decisionItems", "financeIntroduction",
        "engagement",
        "conclusion",
    ]

    /// The form's values: the saved texts, and where the PMO has not yet saved a progress summary, the draft.
    static func fields(_ texts: PaperTexts, drafted: ProgressNarrative? = nil) -> [String: String] {
        let subsections = { (sections: [PaperSubsection]) in
            sections.flatMap { ($0.heading.isEmpty ? [] : ["# " + $0.heading]) + $0.paragraphs }
                .joined(separator: "\n")
        }
        return [
            "progress": subsections(texts.progress ?? drafted?.subsections ?? []),
            "title": texts.title, "author": texts.author, "sponsor": texts.sponsor, "purpose": texts.purpose,
            "recommendation": texts.recommendation,
            "stakeholderEngagement": texts.stakeholderEngagement, "previousCommittees": texts.previousCommittees,
            "initials": texts.initials,
            "strategicPrinciples": texts.strategicPrinciples.joined(separator: "\n"),
            "introduction": texts.introduction.joined(separator: "\n"),
            "discussionItems": texts.discussionItems.joined(separator: "\n"),
            "decisionItems": texts.decisionItems.joined(separator: "\n"),
            "financeIntroduction": texts.financeIntroduction.joined(separator: "\n"),
            "engagement": subsections(texts.engagement),
            "conclusion": texts.conclusion.joined(separator: "\n"),
        ]
    }

}
