import AssureApp
import AssureCore
import AssureStorage
import Foundation

struct WebhookPageModel: Sendable {
    var webhooks: [WebhookSummary]
    /// The secret of the webhook just made: shown once, in the answer to the form that made it.
    var newSecret: String? = nil
    var values: [String: String] = [:]
    var chosen: Set<String> = []
    var errors: [String: String] = [:]
}

/// The PMO's webhooks: where Assure tells other systems of returns submitted and approved, periods published and
/// ratings declining to Red; each delivery signed, and seen on the outbox page.
enum WebhookPages {
    static func render(_ model: WebhookPageModel, _ context: PageContext) -> String {
        var context = context
        context.breadcrumbs = [("Outbox", Link.outbox.path)]
        return Layout.render(
            context,
            [
                el("h1", text: "Webhooks"),
                el(
                    "p", [("class", "lede")],
                    text: "Assure posts JSON to each address when an event it asked for happens, signed with its secret "
                        + "(the Assure-Signature header: t=time,v1=HMAC-SHA256 of “time.body”). Deliveries go through "
                        + "the outbox, are retried when the receiver fails, and are listed there."),
                model.newSecret.map { secret in
                    el(
                        "div", [("class", "notice"), ("role", "status")],
                        [
                            el("p", text: "Give this secret to the receiver now: it is not shown again."),
                            el("p", [], [el("code", [("id", "new-secret")], text: secret)]),
                        ])
                } ?? .raw(""),
                model.webhooks.isEmpty
                    ? el("p", [("id", "no-webhooks")], text: "No webhooks yet.")
                    : el(
                        "table", [("class", "webhooks")],
                        [
                            el(
                                "thead", [],
                                [el("tr", [], ["Receiver", "Address", "Events", "Made", ""].map { columnHeader($0) })]),
                            el("tbody", [], model.webhooks.map { row($0, csrf: context.csrf) }),
                        ]),
                el("h2", text: "Add a webhook"),
                FormViews.errorSummary(model.errors, order: ["url", "events", "description"]),
                postForm(
                    Link.webhooks.path, csrf: context.csrf,
                    [
                        FormViews.textField(
                            "url", label: "Address", hint: "Where the receiver listens, e.g. https://…",
                            value: model.values["url"] ?? "", errors: model.errors),
                        FormViews.textField(
                            "description", label: "Receiver",
                            hint: "What receives these (a Power Automate flow, the data warehouse).",
                            value: model.values["description"] ?? "", errors: model.errors),
                        events(model.chosen, errors: model.errors),
                        el("div", [("class", "actions")], [button("Add webhook")]),
                    ]),
            ])
    }

    static func row(_ webhook: WebhookSummary, csrf: String) -> HTMLNode {
        el(
            "tr", [],
            [
                el("td", text: webhook.description), el("td", [], [el("code", text: webhook.url)]),
                el("td", text: webhook.events.map(\.rawValue).joined(separator: ", ")),
                el("td", text: "\(webhook.createdAt.ukMoment) by \(webhook.createdBy)"),
                el(
                    "td", [],
                    [
                        postForm(
                            Link.removeWebhook(id: webhook.id).path, csrf: csrf, class: "inline",
                            [button("Remove", class: "button secondary")])
                    ]),
            ])
    }

    /// One checkbox per event, in a fieldset whose legend names the choice.
    static func events(_ chosen: Set<String>, errors: [String: String]) -> HTMLNode {
        el(
            "fieldset", [("class", "field"), ("id", FormViews.fieldID("events"))],
            [el("legend", text: "Events"), FormViews.error("events", errors)]
                + WebhookEvent.allCases.map { event in
                    let id = "f-event-\(event.rawValue.replacingOccurrences(of: ".", with: "-"))"
                    return el(
                        "div", [("class", "checkbox")],
                        [
                            el(
                                "input",
                                [
                                    ("type", "checkbox"), ("id", id), ("name", "events[]"), ("value", event.rawValue),
                                    ("checked", chosen.contains(event.rawValue) ? "checked" : nil),
                                ]),
                            el("label", [("for", id)], text: "\(event.label) (\(event.rawValue))"),
                        ])
                })
    }
}
