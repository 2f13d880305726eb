import FluentKit
import Foundation

package final class PeriodRecord: Model, @unchecked Sendable {
    package static let schema = "periods"
    @ID package var id: UUID?
    @Parent(key: "portfolio_id") package var portfolio: PortfolioRecord
    /// "2016-06"
    @Field(key: "key") package var key: String
    @Field(key: "label") package var label: String
    @Field(key: "frequency") package var frequency: String
    /// ISO day, stored as text so SQLite and PostgreSQL agree.
    @Field(key: "as_at") package var asAt: String
    @OptionalField(key: "publish_on") package var publishOn: String?
    @Field(key: "status") package var status: String
    @Field(key: "illustrative") package var isIllustrative: Bool
    @OptionalField(key: "published_at") package var publishedAt: Date?
    /// ISO day by which returns are due; chasers count back from it.
    @OptionalField(key: "returns_due") package var returnsDue: String?
    /// Whether the PMO published the assurance findings with the period for its board readers.
    @Field(key: "findings_published") package var findingsPublished: Bool
    package init() {}
}

package final class ReturnRecord: Model, @unchecked Sendable {
    package static let schema = "returns"
    @ID package var id: UUID?
    @Parent(key: "period_id") package var period: PeriodRecord
    @Parent(key: "project_id") package var project: ProjectRecord
    @OptionalField(key: "rating") package var rating: String?
    @OptionalField(key: "reported_trend") package var reportedTrend: String?
    @Field(key: "update_text") package var update: String
    @Field(key: "mitigation") package var mitigation: String
    @OptionalField(key: "submitted_by") package var submittedBy: String?
    @OptionalField(key: "submitted_at") package var submittedAt: Date?
    /// Optimistic locking: every save moves the version on; a save from an older version is a conflict.
    @Field(key: "version") package var version: Int
    /// A token written by each save, so a writer can tell that the row it reads back is its own.
    @Field(key: "revision") package var revision: UUID
    /// A `ReturnState` raw value.
    @Field(key: "state") package var state: String
    @OptionalField(key: "saved_by") package var savedBy: String?
    @OptionalField(key: "saved_at") package var savedAt: Date?
    @OptionalField(key: "reviewed_by") package var reviewedBy: String?
    @OptionalField(key: "reviewed_at") package var reviewedAt: Date?
    /// What the SRO or PMO asked to change, shown to the lead on the return.
    @OptionalField(key: "review_comment") package var reviewComment: String?
    /// On a carried-forward return: the period its values come from, and how many periods running it is carried.
    @OptionalField(key: "carried_from_key") package var carriedFromKey: String?
    @OptionalField(key: "carried_periods") package var carriedPeriods: Int?
    @Children(for: \.$parentReturn) package var milestones: [ReturnMilestoneRecord]
    package init() {}
}

package final class ReturnMilestoneRecord: Model, @unchecked Sendable {
    package static let schema = "return_milestones"
    @ID package var id: UUID?
    @Parent(key: "return_id") package var parentReturn: ReturnRecord
    @Field(key: "position") package var position: Int
    @Field(key: "title") package var title: String
    @Field(key: "date_text") package var dateText: String
    /// The parsed due day (ISO) and its precision, where the text could be read.
    @OptionalField(key: "due_by") package var dueBy: String?
    @OptionalField(key: "precision") package var precision: String?
    @OptionalField(key: "rating") package var rating: String?
    package init() {}
}

/// The report of a published period, frozen as JSON: its pages are reproduced from this, never rebuilt.
package final class PeriodSnapshotRecord: Model, @unchecked Sendable {
    package static let schema = "period_snapshots"
    @ID package var id: UUID?
    @Parent(key: "period_id") package var period: PeriodRecord
    @Field(key: "report_json") package var reportJSON: String
    @Field(key: "created_at") package var createdAt: Date
    package init() {}
}

/// A snapshot superseded when its period was re-opened, kept with the reason.
package final class ArchivedSnapshotRecord: Model, @unchecked Sendable {
    package static let schema = "period_snapshot_archive"
    @ID package var id: UUID?
    @Parent(key: "period_id") package var period: PeriodRecord
    @Field(key: "report_json") package var reportJSON: String
    @Field(key: "published_at") package var publishedAt: Date
    @Field(key: "reopened_at") package var reopenedAt: Date
    @Field(key: "reopened_by") package var reopenedBy: String
    @Field(key: "reason") package var reason: String
    package init() {}
}
