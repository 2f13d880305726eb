import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Foundation
import Plot

/// Business cases: each prioritisation with its ranked cases, a case's page, and the PMO's forms.
enum BusinessCasePages {
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
}
