import FluentKit
import Foundation

package final class CommitteeRecord: Model, @unchecked Sendable {
    package static let schema = "committees"
    @ID package var id: UUID?
    @Field(key: "name") package var name: String
    package init() {}
}

package final class MeetingRecord: Model, @unchecked Sendable {
    package static let schema = "meetings"
    @ID package var id: UUID?
    @Parent(key: "committee_id") package var committee: CommitteeRecord
    /// ISO day.
    @Field(key: "date") package var date: String
    @Field(key: "time") package var time: String
    @Field(key: "venue") package var venue: String
    @Field(key: "members_json") package var membersJSON: String
    @Field(key: "version") package var version: Int
    /// The portfolio whose papers this meeting takes.
    @OptionalParent(key: "portfolio_id") package var portfolio: PortfolioRecord?
    package init() {}
}

package final class AgendaItemRecord: Model, @unchecked Sendable {
    package static let schema = "agenda_items"
    @ID package var id: UUID?
    @Parent(key: "meeting_id") package var meeting: MeetingRecord
    @Field(key: "position") package var position: Int
    @Field(key: "number") package var number: String
    @Field(key: "title") package var title: String
    @Field(key: "organisation") package var organisation: String
    @OptionalField(key: "format") package var format: String?
    @Field(key: "purpose") package var purpose: String
    @Field(key: "raised_by") package var raisedBy: String
    @Field(key: "pages") package var pages: String
    @Field(key: "note") package var note: String
    @Field(key: "outcome") package var outcome: String
    @Field(key: "resolutions_json") package var resolutionsJSON: String
    package init() {}
}

package final class MeetingActionRecord: Model, @unchecked Sendable {
    package static let schema = "meeting_actions"
    @ID package var id: UUID?
    @Parent(key: "meeting_id") package var meeting: MeetingRecord
    @Field(key: "position") package var position: Int
    @Field(key: "description") package var description: String
    @Field(key: "owner") package var owner: String
    @OptionalField(key: "due") package var due: String?
    @Field(key: "done") package var done: Bool
    package init() {}
}

package final class PaperTextsRecord: Model, @unchecked Sendable {
    package static let schema = "paper_texts"
    @ID package var id: UUID?
    @Parent(key: "period_id") package var period: PeriodRecord
    @Parent(key: "meeting_id") package var meeting: MeetingRecord
    /// `PaperTexts` as JSON.
    @Field(key: "texts_json") package var textsJSON: String
    @Field(key: "version") package var version: Int
    package init() {}
}
