import Fluent
import Foundation

final class CommitteeRecord: Model, @unchecked Sendable {
    static let schema = "committees"
    @ID var id: UUID?
    @Field(key: "name") var name: String
    init() {}
}

final class MeetingRecord: Model, @unchecked Sendable {
    static let schema = "meetings"
    @ID var id: UUID?
    @Parent(key: "committee_id") var committee: CommitteeRecord
    /// ISO day.
    @Field(key: "date") var date: String
    @Field(key: "time") var time: String
    @Field(key: "venue") var venue: String
    @Field(key: "members_json") var membersJSON: String
    @Field(key: "version") var version: Int
    /// The portfolio whose papers this meeting takes.
    @OptionalParent(key: "portfolio_id") var portfolio: PortfolioRecord?
    init() {}
}

final class AgendaItemRecord: Model, @unchecked Sendable {
    static let schema = "agenda_items"
    @ID var id: UUID?
    @Parent(key: "meeting_id") var meeting: MeetingRecord
    @Field(key: "position") var position: Int
    @Field(key: "number") var number: String
    @Field(key: "title") var title: String
    @Field(key: "organisation") var organisation: String
    @OptionalField(key: "format") var format: String?
    @Field(key: "purpose") var purpose: String
    @Field(key: "raised_by") var raisedBy: String
    @Field(key: "pages") var pages: String
    @Field(key: "note") var note: String
    @Field(key: "outcome") var outcome: String
    @Field(key: "resolutions_json") var resolutionsJSON: String
    init() {}
}

final class MeetingActionRecord: Model, @unchecked Sendable {
    static let schema = "meeting_actions"
    @ID var id: UUID?
    @Parent(key: "meeting_id") var meeting: MeetingRecord
    @Field(key: "position") var position: Int
    @Field(key: "description") var description: String
    @Field(key: "owner") var owner: String
    @OptionalField(key: "due") var due: String?
    @Field(key: "done") var done: Bool
    init() {}
}

final class PaperTextsRecord: Model, @unchecked Sendable {
    static let schema = "paper_texts"
    @ID var id: UUID?
    @Parent(key: "period_id") var period: PeriodRecord
    @Parent(key: "meeting_id") var meeting: MeetingRecord
    /// `PaperTexts` as JSON.
    @Field(key: "texts_json") var textsJSON: String
    @Field(key: "version") var version: Int
    init() {}
}
