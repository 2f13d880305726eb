import AssureApp
import AssureCore
import AssureStorage
import Foundation
import Plot

/// The glossary, business cases and funding rounds: each a list with its table, and forms for the PMO.
enum RegisterPages {
    static func glossary(
        _ entries: [StoredGlossaryEntry], canEdit: Bool, returned: ReturnedForm?, _ context: PageContext
    ) -> String {
        func state(_ name: String) -> ([String: String], [String: String]) { returned.state(name) }
        let (values, errors) = state("new")
        return Layout.render(
            context,
            [
                el("h1", text: "Glossary"),
                el(
                    "p", [("class", "lede")],
                    text:
                        "Abbreviations and what they stand for. A paper's table of abbreviations lists those its text uses."
                ),
                el("p", [("class", "actions no-print")], [downloadLinks(Link.glossary.path)]),
                el(
                    "table", [],
                    [
                        el(
                            "thead", [],
                            [el("tr", [], ["Abbreviation", "Meaning"].map { el("th", [("scope", "col")], text: $0) })]),
                        el(
                            "tbody", [],
                            entries.map { stored in
                                let (values, errors) = state(stored.id.uuidString)
                                guard canEdit else {
                                    return el(
                                        "tr", [],
                                        [
                                            el("td", text: stored.entry.abbreviation),
                                            el("td", text: stored.entry.expansion),
                                        ])
                                }
                                return el(
                                    "tr", [],
                                    [
                                        el(
                                            "td", [("colspan", "2")],
                                            [
                                                postForm(
                                                    Link.glossaryEntry(id: stored.id).path, csrf: context.csrf,
                                                    class: "inline",
                                                    [
                                                        FormViews.error("abbreviation", errors),
                                                        FormViews.error("expansion", errors),
                                                        el(
                                                            "input",
                                                            [
                                                                ("name", "abbreviation"),
                                                                ("aria-label", "Abbreviation"),
                                                                (
                                                                    "value",
                                                                    values["abbreviation"] ?? stored.entry.abbreviation
                                                                ),
                                                            ]),
                                                        el(
                                                            "input",
                                                            [
                                                                ("name", "expansion"),
                                                                (
                                                                    "aria-label",
                                                                    "Meaning of \(stored.entry.abbreviation)"
                                                                ),
                                                                (
                                                                    "value",
                                                                    values["expansion"] ?? stored.entry.expansion
                                                                ),
                                                            ]),
                                                        button(
                                                            "Save", class: "button secondary", name: "action",
                                                            value: "save"),
                                                        button(
                                                            "Delete", class: "button secondary", name: "action",
                                                            value: "delete"),
                                                    ])
                                            ])
                                    ])
                            }),
                    ]),
                canEdit
                    ? el(
                        "section", [("class", "no-print")],
                        [
                            el("h2", text: "Add an abbreviation"),
                            FormViews.errorSummary(errors),
                            postForm(
                                Link.glossary.path, csrf: context.csrf,
                                [
                                    FormViews.textField(
                                        "abbreviation", label: "Abbreviation", value: values["abbreviation"] ?? "",
                                        errors: errors),
                                    FormViews.textField(
                                        "expansion", label: "Meaning", value: values["expansion"] ?? "", errors: errors),
                                    el("div", [("class", "actions")], [button("Add")]),
                                ]),
                        ]) : txt(""),
            ])
    }

    static func businessCases(
        _ sets: [CriteriaSet], canEdit: Bool, returned: ReturnedForm?, portfolios: [PortfolioInfo] = [],
        _ context: PageContext
    ) -> String {
        func state(_ name: String) -> ([String: String], [String: String]) { returned.state(name) }
        var nodes: [HTMLNode] = [
            el("h1", text: "Business cases"),
            el(
                "p", [("class", "lede")],
                text:
                    "Bids rated High, Medium or Low against each criterion, scored 3, 2 and 1 (times the criterion's weight), totalled and ranked."
            ),
            el("p", [("class", "actions no-print")], [downloadLinks(Link.businessCases.path)]),
        ]
        for set in sets {
            nodes.append(ReportTableView.render(ExportTables.ranked(set), projectLink: { _ in nil }))
            nodes.append(el("p", [("class", "hint")], text: RegisterScope.line(set.portfolioID, in: portfolios)))
            if canEdit {
                nodes.append(
                    RegisterScope.form(
                        .businessCasesPortfolio(id: set.id), current: set.portfolioID, portfolios: portfolios,
                        csrf: context.csrf))
            }
            if canEdit {
                nodes.append(
                    el(
                        "ul", [("class", "no-print")],
                        set.cases.map {
                            el(
                                "li", [],
                                [link(Link.businessCase(id: $0.id).path, "Change the ratings of \($0.name)")])
                        }))
                let (values, errors) = state(set.id.uuidString)
                nodes.append(
                    caseForm(
                        set, action: Link.addBusinessCase(id: set.id).path,
                        heading: "Add a business case to \(set.name)",
                        values: values, errors: errors, csrf: context.csrf))
            }
        }
        if canEdit {
            let (values, errors) = state("new-set")
            nodes.append(
                el(
                    "section", [("class", "no-print")],
                    [
                        el("h2", text: "Set up a prioritisation"),
                        FormViews.errorSummary(errors),
                        postForm(
                            Link.businessCases.path, csrf: context.csrf,
                            [
                                FormViews.textField("name", label: "Name", value: values["name"] ?? "", errors: errors),
                                RegisterScope.select(portfolios, values: values, errors: errors),
                                FormViews.textArea(
                                    "criteria", label: "Criteria",
                                    hint: "One per line; a weight after a colon, e.g. “Quality: 2” (default 1)",
                                    value: values["criteria"]
                                        ?? "Quality\nAccess\nValue for money\nWorkforce\nDeliverability", errors: errors
                                ),
                                el("div", [("class", "actions")], [button("Create")]),
                            ]),
                    ]))
        }
        return Layout.render(context, nodes)
    }

    /// A business case's edit page: its saved ratings, or the values sent back with their errors.
    static func casePage(
        _ item: BusinessCase, in set: CriteriaSet, values: [String: String]?, errors: [String: String],
        _ context: PageContext
    ) -> String {
        var saved = ["name": item.name]
        for (criterion, rating) in item.ratings { saved["rating-\(criterion)"] = rating.rawValue }
        var context = context
        context.breadcrumbs = [("Business cases", Link.businessCases.path)]
        let form = caseForm(
            set, action: Link.businessCase(id: item.id).path, heading: "\(item.name) in \(set.name)",
            values: values ?? saved, errors: errors, csrf: context.csrf, version: item.version)
        return Layout.render(context, [el("h1", text: item.name), form])
    }

    static func caseForm(
        _ set: CriteriaSet, action: String, heading: String, values: [String: String], errors: [String: String],
        csrf: String, version: Int? = nil
    ) -> HTMLNode {
        el(
            "section", [("class", "no-print")],
            [
                el("h2", text: heading),
                FormViews.errorSummary(errors),
                postForm(
                    action, csrf: csrf,
                    [
                        FormViews.textField(
                            "name", label: "Business case", value: values["name"] ?? "", errors: errors),
                        .group(
                            set.criteria.map { criterion in
                                FormViews.select(
                                    "rating-\(criterion.name)",
                                    label: criterion.weight == 1
                                        ? criterion.name
                                        : "\(criterion.name) (× \(TableCell.number(criterion.weight).text))",
                                    options: CaseRating.allCases.map(\.rawValue),
                                    selected: values["rating-\(criterion.name)"] ?? "",
                                    errors: errors, blank: "Not rated")
                            }),
                        version.map {
                            el("input", [("type", "hidden"), ("name", "baseVersion"), ("value", String($0))])
                        } ?? txt(""),
                        el("div", [("class", "actions")], [button("Save")]),
                    ]),
            ])
    }

    static func funding(
        _ rounds: [FundingRound], canEdit: Bool, returned: ReturnedForm?, portfolios: [PortfolioInfo] = [],
        _ context: PageContext
    ) -> String {
        func state(_ name: String) -> ([String: String], [String: String]) { returned.state(name) }
        var nodes: [HTMLNode] = [
            el("h1", text: "Funding rounds"),
            el("p", [("class", "actions no-print")], [downloadLinks(Link.fundingRounds.path)]),
        ]
        for round in rounds {
            nodes.append(ReportTableView.render(round.table, projectLink: { _ in nil }))
            nodes.append(el("p", [("class", "hint")], text: RegisterScope.line(round.portfolioID, in: portfolios)))
            if canEdit {
                nodes.append(
                    RegisterScope.form(
                        .fundingRoundPortfolio(id: round.id), current: round.portfolioID, portfolios: portfolios,
                        csrf: context.csrf))
            }
            nodes.append(
                round.isOver
                    ? el(
                        "p", [("class", "field-error"), ("role", "status")],
                        text: "Over the envelope by \((round.total - round.envelope).display).")
                    : el("p", text: "Headroom: \(round.headroom.display) of \(round.envelope.display)."))
            if canEdit {
                let (values, errors) = state(round.id.uuidString)
                nodes.append(
                    el(
                        "section", [("class", "no-print")],
                        [
                            el("h3", text: "Add an allocation to \(round.name)"),
                            FormViews.errorSummary(errors),
                            postForm(
                                Link.allocate(id: round.id).path, csrf: context.csrf,
                                [
                                    FormViews.textField(
                                        "label", label: "Business case or programme", value: values["label"] ?? "",
                                        errors: errors),
                                    FormViews.textField(
                                        "amount", label: "Recommended allocation", hint: "e.g. £180,000",
                                        value: values["amount"] ?? "", errors: errors),
                                    FormViews.textField(
                                        "comment", label: "Comment", value: values["comment"] ?? "", errors: errors),
                                    el("div", [("class", "actions")], [button("Add allocation")]),
                                ]),
                        ]))
            }
        }
        if canEdit {
            let (values, errors) = state("new-round")
            nodes.append(
                el(
                    "section", [("class", "no-print")],
                    [
                        el("h2", text: "Set up a funding round"),
                        FormViews.errorSummary(errors),
                        postForm(
                            Link.fundingRounds.path, csrf: context.csrf,
                            [
                                FormViews.textField("name", label: "Name", value: values["name"] ?? "", errors: errors),
                                RegisterScope.select(portfolios, values: values, errors: errors),
                                FormViews.textField(
                                    "envelopeLabel", label: "Envelope",
                                    hint: "Where the money comes from, e.g. ACS FIC FT",
                                    value: values["envelopeLabel"] ?? "", errors: errors),
                                FormViews.textField(
                                    "envelope", label: "Envelope amount", hint: "e.g. £6,800,000",
                                    value: values["envelope"] ?? "", errors: errors),
                                el("div", [("class", "actions")], [button("Create")]),
                            ]),
                    ]))
        }
        return Layout.render(context, nodes)
    }
}
