import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Foundation
import Plot

/// Funding rounds: each round's allocations and headroom, and the PMO's forms.
enum FundingRoundPages {
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
                            el("h2", text: "Add an allocation to \(round.name)"),
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
