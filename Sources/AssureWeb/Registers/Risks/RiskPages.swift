import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Foundation
import Plot

/// Risk registers: each with its heat map and its risks; a risk with its history and review form.
enum RiskPages {
    static func list(
        _ registers: [RiskRegister], canEdit: Bool, returned: ReturnedForm?, _ context: PageContext
    ) -> String {
        func state(_ name: String) -> ([String: String], [String: String]) { returned.state(name) }
        var nodes: [HTMLNode] = [
            el("h1", text: "Risk registers"),
            el(
                "p", [("class", "lede")],
                text:
                    "Each risk's score is its severity times its likelihood; the register's bands say where it turns amber and red."
            ),
            el("p", [("class", "actions no-print")], [downloadLinks(Link.risks.path)]),
        ]
        for register in registers {
            nodes.append(el("h2", text: register.name))
            nodes.append(
                el(
                    "p",
                    text:
                        "Scale \(register.scale.values.joined(separator: "/")); amber from \(register.bands.amberFrom), red from \(register.bands.redFrom)."
                ))
            nodes.append(heatMap(register))
            nodes.append(
                ReportTableView.render(
                    ExportTables.risks(register), projectLink: { UUID(uuidString: $0).map { Link.risk(id: $0).path } }))
            if canEdit {
                let (values, errors) = state(register.id.uuidString)
                nodes.append(
                    form(
                        register, action: Link.addRisk(id: register.id).path,
                        heading: "Add a risk to \(register.name)",
                        values: values, errors: errors, csrf: context.csrf))
            }
        }
        if canEdit {
            let (values, errors) = state("new-register")
            nodes.append(
                el(
                    "section", [("class", "no-print")],
                    [
                        el("h2", text: "Set up a risk register"),
                        FormViews.errorSummary(errors),
                        postForm(
                            Link.risks.path, csrf: context.csrf,
                            [
                                FormViews.textField("name", label: "Name", value: values["name"] ?? "", errors: errors),
                                FormViews.select(
                                    "scale", label: "Severity and likelihood",
                                    options: RiskScaleKind.allCases.map(\.rawValue),
                                    selected: values["scale"] ?? RiskScaleKind.highMediumLow.rawValue, errors: errors),
                                FormViews.textField(
                                    "amberFrom", label: "Amber from score", hint: "Blank for the scale's default",
                                    value: values["amberFrom"] ?? "", errors: errors),
                                FormViews.textField(
                                    "redFrom", label: "Red from score", hint: "Blank for the scale's default",
                                    value: values["redFrom"] ?? "", errors: errors),
                                el("div", [("class", "actions")], [button("Create")]),
                            ]),
                    ]))
        }
        return Layout.render(context, nodes)
    }

    static func detail(
        _ register: RiskRegister, _ risk: Risk, history: [RiskReview], canEdit: Bool, values: [String: String]?,
        errors: [String: String], _ context: PageContext
    ) -> String {
        var context = context
        context.breadcrumbs = [("Risk registers", Link.risks.path)]
        var nodes: [HTMLNode] = [
            el("h1", text: risk.description),
            el(
                "dl", [("class", "facts")],
                [
                    el("dt", text: "Register"), el("dd", text: register.name),
                    el("dt", text: "Score"),
                    el(
                        "dd", [],
                        [
                            txt("\(register.score(risk).map(String.init) ?? "—") "),
                            RatingViews.badge(
                                register.band(risk) ?? "",
                                level: register.band(risk).flatMap { RatingScale.threePoint.level(for: $0) }),
                        ]),
                    el("dt", text: "Owner"), el("dd", text: risk.owner.isEmpty ? "None named" : risk.owner),
                    el("dt", text: "References"),
                    el("dd", text: risk.references.isEmpty ? "—" : risk.references.joined(separator: "; ")),
                    el("dt", text: "Review date"), el("dd", text: risk.reviewDate?.longDisplay ?? "—"),
                ]),
            el("h2", text: "History"),
            el(
                "table", [],
                [
                    el(
                        "thead", [],
                        [
                            el(
                                "tr", [],
                                ["Reviewed", "By", "Severity", "Likelihood", "Score", "Status"].map {
                                    columnHeader($0)
                                })
                        ]),
                    el(
                        "tbody", [],
                        history.map { review in
                            let score = register.scale.points(review.severity).flatMap { s in
                                register.scale.points(review.likelihood).map { s * $0 }
                            }
                            return el(
                                "tr", [],
                                [
                                    el("td", text: ExportTables.timestamp(review.at)), el("td", text: review.by),
                                    el("td", text: review.severity),
                                    el("td", text: review.likelihood), el("td", text: score.map(String.init) ?? ""),
                                    el("td", text: review.status.rawValue),
                                ])
                        }),
                ]),
        ]
        if canEdit {
            nodes.append(
                form(
                    register, action: Link.risk(id: risk.id).path, heading: "Review this risk",
                    values: values ?? fields(risk),
                    errors: errors, csrf: context.csrf, version: risk.version))
        }
        return Layout.render(context, nodes)
    }

    static func fields(_ risk: Risk) -> [String: String] {
        [
            "section": risk.section, "level": risk.level.rawValue, "scope": risk.scope, "description": risk.description,
            "severity": risk.severity,
            "likelihood": risk.likelihood, "mitigation": risk.mitigation, "owner": risk.owner,
            "references": risk.references.joined(separator: "; "),
            "status": risk.status.rawValue, "reviewDate": risk.reviewDate?.iso ?? "",
        ]
    }

    static func form(
        _ register: RiskRegister, action: String, heading: String, values: [String: String], errors: [String: String],
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
                            "section", label: "Section", hint: "The heading it sits under, e.g. CCG RISKS",
                            value: values["section"] ?? "", errors: errors),
                        FormViews.select(
                            "level", label: "Level", options: RiskLevel.allCases.map(\.rawValue),
                            selected: values["level"] ?? "system", errors: errors),
                        FormViews.textField(
                            "scope", label: "Portfolio, programme or project", hint: "Blank for a system risk",
                            value: values["scope"] ?? "", errors: errors),
                        FormViews.textArea(
                            "description", label: "Risk", value: values["description"] ?? "", errors: errors),
                        FormViews.select(
                            "severity", label: "Severity", options: register.scale.values,
                            selected: values["severity"] ?? "", errors: errors, blank: "Choose"),
                        FormViews.select(
                            "likelihood", label: "Likelihood", options: register.scale.values,
                            selected: values["likelihood"] ?? "", errors: errors, blank: "Choose"),
                        FormViews.textArea(
                            "mitigation", label: "Mitigation", value: values["mitigation"] ?? "", errors: errors),
                        FormViews.textField("owner", label: "Owner", value: values["owner"] ?? "", errors: errors),
                        FormViews.textField(
                            "references", label: "Register references",
                            hint: "Separated by ;, e.g. Corporate Risk Register S03; GBAF 3.2",
                            value: values["references"] ?? "", errors: errors),
                        FormViews.select(
                            "status", label: "Status", options: RiskStatus.allCases.map(\.rawValue),
                            selected: values["status"] ?? "open", errors: errors),
                        FormViews.textField(
                            "reviewDate", label: "Next review", value: values["reviewDate"] ?? "", type: "date",
                            errors: errors),
                        version.map {
                            el("input", [("type", "hidden"), ("name", "baseVersion"), ("value", String($0))])
                        } ?? txt(""),
                        el("div", [("class", "actions")], [button("Save")]),
                    ]),
            ])
    }

    /// Severity (rows, highest first) × likelihood (columns), each cell the number of open risks, coloured by its band.
    static func heatMap(_ register: RiskRegister) -> HTMLNode {
        let values = register.scale.values
        let counts = register.heatMap
        let cell = 56, left = 90, top = 10
        let size = values.count * cell
        var parts: [HTMLNode] = [
            el("title", text: "Heat map of \(register.name): open risks by severity and likelihood")
        ]
        for (row, severity) in values.enumerated() {
            for (column, likelihood) in values.reversed().enumerated() {
                let score = (register.scale.points(severity) ?? 0) * (register.scale.points(likelihood) ?? 0)
                let colour =
                    ["Red": "#d4351c", "Amber": "#ffbf47", "Green": "#00703c"][register.bands.band(score)] ?? "#ccc"
                let x = left + column * cell, y = top + row * cell
                parts.append(
                    el(
                        "rect",
                        [
                            ("x", String(x)), ("y", String(y)), ("width", String(cell - 2)),
                            ("height", String(cell - 2)), ("fill", colour),
                        ]))
                parts.append(
                    el(
                        "text",
                        [
                            ("x", String(x + cell / 2 - 1)), ("y", String(y + cell / 2 + 6)), ("text-anchor", "middle"),
                            ("font-size", "18"),
                            ("fill", register.bands.band(score) == "Amber" ? "#0b0c0c" : "#ffffff"),
                        ],
                        text: String(counts[row][column])))
            }
            parts.append(
                el(
                    "text",
                    [
                        ("x", String(left - 8)), ("y", String(top + row * cell + cell / 2 + 5)), ("text-anchor", "end"),
                        ("font-size", "14"),
                    ], text: severity))
        }
        for (column, likelihood) in values.reversed().enumerated() {
            parts.append(
                el(
                    "text",
                    [
                        ("x", String(left + column * cell + cell / 2)), ("y", String(top + size + 18)),
                        ("text-anchor", "middle"), ("font-size", "14"),
                    ], text: likelihood))
        }
        parts.append(el("text", [("x", "0"), ("y", String(top + size / 2)), ("font-size", "14")], text: "Severity"))
        parts.append(
            el(
                "text",
                [
                    ("x", String(left + size / 2)), ("y", String(top + size + 40)), ("text-anchor", "middle"),
                    ("font-size", "14"),
                ], text: "Likelihood"))
        return el(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"), ("width", String(left + size + 10)),
                ("height", String(top + size + 50)),
                ("role", "img"), ("aria-label", "Heat map: open risks by severity and likelihood"),
                ("class", "heat-map"),
            ], parts)
    }
}
