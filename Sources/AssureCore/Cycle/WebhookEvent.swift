import Foundation

/// What a webhook can be told of: the moments a PMO's other tools (a Power Automate flow, a Teams channel, a data
/// warehouse) act on.
public enum WebhookEvent: String, Codable, Sendable, CaseIterable {
    case returnSubmitted = "return.submitted"
    case returnApproved = "return.approved"
    case periodPublished = "period.published"
    /// A project rated Red in a period just published that was not Red in the period published before it.
    case ratingDeclinedToRed = "rating.declined-to-red"

    public var label: String {
        switch self {
        case .returnSubmitted: "A return is submitted for review"
        case .returnApproved: "A return is approved"
        case .periodPublished: "A period is published"
        case .ratingDeclinedToRed: "A project's rating declines to Red in a published period"
        }
    }
}

/// A webhook as the PMO sees it: where deliveries go, for which events. The secret is shown once, when it is made.
public struct WebhookSummary: Codable, Hashable, Sendable, Identifiable {
    public var id: UUID
    public var url: String
    public var events: [WebhookEvent]
    public var description: String
    public var createdBy: String
    public var createdAt: Date

    public init(
        id: UUID, url: String, events: [WebhookEvent], description: String, createdBy: String, createdAt: Date
    ) {
        self.id = id
        self.url = url
        self.events = events
        self.description = description
        self.createdBy = createdBy
        self.createdAt = createdAt
    }
}
