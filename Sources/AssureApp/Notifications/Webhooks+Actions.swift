import AssureCore
import AssureStorage
import Crypto
import Fluent
import Foundation

extension Webhooks {
    /// The PMO registers a URL for events. The secret that signs its deliveries is returned once, to be given to the
    /// receiver; Assure shows it again to nobody.
    public static func add(
        _ db: Database, _ actor: Actor, url: String, events: [String], description: String,
        receivers: WebhookReceivers = WebhookReceivers()
    ) async throws -> (webhook: WebhookSummary, secret: String) {
        guard actor.canManagePortfolio else { throw DomainError.forbidden("only the PMO (admin) manages webhooks") }
        let url = url.trimmingCharacters(in: .whitespacesAndNewlines)
        let description = description.trimmingCharacters(in: .whitespacesAndNewlines)
        var errors: [String: String] = [:]
        if let problem = Self.problem(with: url, receivers: receivers) { errors["url"] = problem }
        let chosen = events.compactMap(WebhookEvent.init(rawValue:))
        if chosen.isEmpty || chosen.count != events.count {
            errors["events"] =
                "Choose one or more of: " + WebhookEvent.allCases.map(\.rawValue).joined(separator: ", ") + "."
        }
        if description.isEmpty {
            errors["description"] = "Say what receives these (the flow or system), for the outbox."
        }
        if description.count > 200 { errors["description"] = "Keep the description under 200 characters." }
        guard errors.isEmpty else { throw DomainError.invalid(errors) }
        let secret = "whsec_" + RandomToken.urlSafe()
        return try await db.writeTransaction { db in
            let webhook = try await insert(
                db, url: url, events: Array(Set(chosen)).sorted { $0.rawValue < $1.rawValue },
                description: description, secret: secret, createdBy: actor.name)
            try await AuditLog.record(db, actor, "create", entity: "webhook", id: webhook.id, after: webhook)
            return (webhook, secret)
        }
    }

    /// The PMO removes a webhook: nothing more is queued for it, and what was queued fails (it has no secret to sign).
    public static func remove(_ db: Database, _ actor: Actor, id: UUID) async throws {
        guard actor.canManagePortfolio else { throw DomainError.forbidden("only the PMO (admin) manages webhooks") }
        try await db.writeTransaction { db in
            guard let removed = try await markRemoved(db, id: id) else { throw DomainError.notFound("webhook") }
            try await AuditLog.record(
                db, actor, "remove", entity: "webhook", id: id, before: removed, after: String?.none)
        }
    }

    /// Why a URL will not do, or nil: http or https, with a host the deployment sends to, no credentials in it, at
    /// most 2,000 characters.
    public static func problem(with url: String, receivers: WebhookReceivers) -> String? {
        guard url.count <= 2000, let parsed = URLComponents(string: url), let scheme = parsed.scheme?.lowercased(),
            ["http", "https"].contains(scheme), let host = parsed.host, !host.isEmpty
        else {
            return "Give the full address the receiver listens on, starting https:// (or http://)."
        }
        if parsed.user != nil || parsed.password != nil {
            return "Leave credentials out of the address: the receiver checks the signature instead."
        }
        return receivers.problem(withHost: host)
    }
}

/// How a receiver knows a delivery came from Assure and was not replayed: `Assure-Signature: t=<unix time>,v1=<hex>`,
/// the HMAC-SHA256, keyed with the webhook's secret, of the time, a full stop and the body exactly as sent. The
/// receiver recomputes it, compares in constant time, and refuses a time more than a few minutes old.
public enum WebhookSignature {
    public static let header = "Assure-Signature"

    public static func value(body: String, secret: String, at time: Date) -> String {
        let seconds = Int(time.timeIntervalSince1970)
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data("\(seconds).\(body)".utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return "t=\(seconds),v1=\(Data(mac).hexadecimal)"
    }
}
