import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Plot

/// Adding programmes, and projects or sub-items, to a portfolio.
enum StructureForms {
    static func programme(
        _ portfolio: PortfolioInfo, csrf: String, _ values: [String: String], _ errors: [String: String]
    ) -> HTMLNode {
        el(
            "section", [("class", "no-print")],
            [
                el("h2", text: "Add a programme"),
                FormViews.errorSummary(errors),
                postForm(
                    Link.createProgramme(portfolio: portfolio.id).path, csrf: csrf,
                    [
                        FormViews.textField("name", label: "Name", value: values["name"] ?? "", errors: errors),
                        FormViews.select(
                            "kind", label: "Kind", options: ProgrammeKind.allCases.map(\.rawValue),
                            selected: values["kind"] ?? ProgrammeKind.programme.rawValue, errors: errors),
                        FormViews.textField(
                            "clinicalLead", label: "Clinical lead", hint: "For a clinical delivery group",
                            value: values["clinicalLead"] ?? "", errors: errors),
                        FormViews.textField(
                            "headOfService", label: "Head of service", value: values["headOfService"] ?? "",
                            errors: errors),
                        el("div", [("class", "actions")], [button("Add programme")]),
                    ]),
            ])
    }

    static func project(
        _ portfolio: PortfolioInfo, programmes: [ProgrammeInfo], projects: [ProjectInfo], csrf: String,
        _ values: [String: String], _ errors: [String: String]
    ) -> HTMLNode {
        let parents = projects.filter { project in programmes.contains { $0.id == project.programmeID } }
        return el(
            "section", [("class", "no-print")],
            [
                el("h2", text: "Add a project"),
                FormViews.errorSummary(errors),
                postForm(
                    Link.createProject(portfolio: portfolio.id).path, csrf: csrf,
                    [
                        FormViews.select(
                            "programme", label: "Programme", options: programmes.map(\.name),
                            selected: values["programme"] ?? "", errors: errors),
                        FormViews.select(
                            "parent", label: "Sub-item of", options: parents.map(label),
                            selected: values["parent"] ?? "",
                            errors: errors, blank: "None: a project in its own right"),
                        FormViews.textField(
                            "reference", label: "Reference", hint: "e.g. MAT003", value: values["reference"] ?? "",
                            errors: errors),
                        FormViews.textField("title", label: "Title", value: values["title"] ?? "", errors: errors),
                        FormViews.textField("sro", label: "SRO", value: values["sro"] ?? "", errors: errors),
                        FormViews.textField("lead", label: "Lead", value: values["lead"] ?? "", errors: errors),
                        el("div", [("class", "actions")], [button("Add project")]),
                    ]),
            ])
    }

    /// How a parent project is named in the select, and read back from the form.
    static func label(_ project: ProjectInfo) -> String {
        [project.reference, project.title].compactMap { $0 }.joined(separator: " ")
    }

    static func checks(
        _ portfolio: PortfolioSummary, csrf: String, values: [String: String] = [:],
        errors: [String: String] = [:]
    ) -> HTMLNode {
        el(
            "section", [("class", "no-print")],
            [
                el("h2", text: "Assurance checks and chasers"),
                FormViews.errorSummary(errors),
                el(
                    "p", [("class", "hint")],
                    text:
                        "Untick a check that does not fit how this portfolio reports. Published periods keep their findings."
                ),
                postForm(
                    Link.portfolioChecks(portfolio: portfolio.info.id).path, csrf: csrf,
                    [
                        el(
                            "ul", [("class", "checklist")],
                            Flag.Kind.allCases.filter(\.canBeSwitchedOff).map { kind in
                                el(
                                    "li", [],
                                    [
                                        el(
                                            "label", [("class", "inline-label")],
                                            [
                                                el(
                                                    "input",
                                                    [
                                                        ("type", "checkbox"), ("name", "on-\(kind.rawValue)"),
                                                        ("value", "1"),
                                                        (
                                                            "checked",
                                                            portfolio.disabledChecks.contains(kind) ? nil : "checked"
                                                        ),
                                                    ]),
                                                txt(" " + kind.title),
                                            ])
                                    ])
                            }),
                        switchBox(
                            ChecksDraft.requireUpdateBox, on: portfolio.requireUpdate,
                            "Refuse a return submitted with no update written"),
                        switchBox(
                            ChecksDraft.slipForecastBox, on: portfolio.slipForecastShown,
                            "Show milestones likely to slip (a forecast from past periods; never a rating)"),
                        FormViews.textField(
                            "chaseDaysBefore", label: "Chase missing returns automatically",
                            hint: "Days before a period's returns are due; leave blank to chase by hand",
                            value: values["chaseDaysBefore"] ?? portfolio.chaseDaysBefore.map(String.init) ?? "",
                            type: "number", errors: errors),
                        el("div", [("class", "actions")], [button("Save checks", class: "button secondary")]),
                    ]),
            ])
    }

    /// A portfolio setting's tick box: ticked arrives as `on-<box>=1`, unticked is absent.
    static func switchBox(_ box: String, on: Bool, _ label: String) -> HTMLNode {
        el(
            "div", [("class", "checkbox")],
            [
                el(
                    "input",
                    [
                        ("type", "checkbox"), ("id", "f-\(box)"), ("name", "on-\(box)"), ("value", "1"),
                        ("checked", on ? "checked" : nil),
                    ]),
                el("label", [("for", "f-\(box)")], text: label),
            ])
    }
}
