import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Foundation
import Plot

struct OutboxPageModel: Sendable {
    let messages: [OutboxEntry]
    /// "host:port", or nil when no mail server is configured.
    let mailServer: String?
}

/// Every chaser and alert, newest first, with its delivery state: nothing sent or failed is hidden.
enum OutboxPage {
    static func render(_ model: OutboxPageModel, _ context: PageContext) -> String {
        var context = context
        context.breadcrumbs = [("Portfolios", Link.portfolios.path)]
        let counts = Dictionary(grouping: model.messages, by: \.status).mapValues(\.count)
        let nodes: [HTMLNode] = [
            el("h1", text: "Outbox"),
            el(
                "p", [("class", "lede")],
                text: model.mailServer.map { "Delivered through \($0). Failed deliveries are retried automatically." }
                    ?? "No mail server is configured (see the README, “Email”): messages wait here until one is."),
            el(
                "p", [("class", "actions no-print")],
                [downloadLinks(Link.outbox.path), txt(" · "), link(Link.webhooks.path, "Webhooks")]),
            el(
                "ul", [("class", "counts")],
                // "sending" is counted only while a message is in a server's hands.
                [OutboxEntry.Status.pending, .sending, .sent, .failed].filter { $0 != .sending || counts[$0] != nil }
                    .map { status in
                        el("li", [], [el("strong", text: "\(counts[status] ?? 0)"), txt(" \(status.rawValue)")])
                    }),
            model.messages.isEmpty
                ? el(
                    "p", [("id", "outbox-empty")],
                    text: "Nothing has been sent yet. Chasers (from a period's returns page, or on the portfolio's "
                        + "schedule) and alerts (when a return turns Red or declines) appear here.")
                : el(
                    "table", [("class", "outbox")],
                    [
                        el(
                            "thead", [],
                            [
                                el(
                                    "tr", [],
                                    ["Queued", "Kind", "To", "Subject", "State", "Attempts", "Last error", ""].map {
                                        columnHeader($0)
                                    })
                            ]),
                        el("tbody", [], model.messages.map { row($0, csrf: context.csrf) }),
                    ]),
        ]
        return Layout.render(context, nodes)
    }

    static func row(_ entry: OutboxEntry, csrf: String) -> HTMLNode {
        let state =
            entry.status == .sent
            ? "sent \(entry.sentAt?.ukMoment ?? "")"
            : entry.status == .pending && entry.attempts > 0
                ? "retrying at \(entry.nextAttemptAt.ukTime)"
                : entry.status == .sending
                    ? "sending from \(entry.sendingServer ?? "a server")" : entry.status.rawValue
        let retry: HTMLNode =
            entry.status == .sent || entry.status == .sending || entry.message.toAddress.isEmpty
            ? txt("")
            : postForm(
                Link.retryMessage(message: entry.id).path, csrf: csrf, class: "inline",
                [button("Retry now", class: "button secondary")])
        return el(
            "tr", [("class", "outbox-\(entry.status.rawValue)")],
            [
                el("td", text: entry.createdAt.ukMoment),
                el("td", text: entry.kind),
                el(
                    "td",
                    text: entry.message.toAddress.isEmpty
                        ? "\(entry.message.toName) (no address)"
                        : "\(entry.message.toName) <\(entry.message.toAddress)>"),
                el("td", text: entry.message.subject),
                el("td", text: state),
                el("td", text: String(entry.attempts)),
                el("td", text: entry.lastError ?? ""),
                el("td", [], [retry]),
            ])
    }
}
