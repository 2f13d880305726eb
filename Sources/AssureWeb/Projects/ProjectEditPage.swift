import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Plot

enum ProjectEditPage {
    static func render(
        _ detail: ProjectDetail, programmes: [ProgrammeInfo], values: [String: String], errors: [String: String],
        _ context: PageContext
    ) -> String {
        var context = context
        context.breadcrumbs = [
            ("Portfolios", Link.portfolios.path),
            (detail.project.title, Link.project(project: detail.project.id).path),
        ]
        return Layout.render(
            context,
            [
                el("h1", text: "Edit \(detail.project.title)"),
                el("p", [("class", "lede")], text: "Published periods keep the details they were published with."),
                FormViews.errorSummary(errors),
                postForm(
                    Link.editProject(project: detail.project.id).path, csrf: context.csrf,
                    [
                        el(
                            "input",
                            [
                                ("type", "hidden"), ("name", "baseVersion"),
                                ("value", values["baseVersion"] ?? String(detail.version)),
                            ]),
                        FormViews.textField(
                            "reference", label: "Reference", hint: "e.g. MAT001",
                            value: values["reference"] ?? detail.project.reference ?? "", errors: errors),
                        FormViews.textField(
                            "title", label: "Title", value: values["title"] ?? detail.project.title, errors: errors),
                        FormViews.select(
                            "programme", label: "Programme", options: programmes.map(\.name),
                            selected: values["programme"] ?? detail.programme.name, errors: errors),
                        FormViews.textField(
                            "sro", label: "SRO", value: values["sro"] ?? detail.project.sro ?? "", errors: errors),
                        FormViews.textField(
                            "lead", label: "Lead", value: values["lead"] ?? detail.project.lead ?? "", errors: errors),
                        el("div", [("class", "actions")], [button("Save project")]),
                    ]),
            ])
    }
}
