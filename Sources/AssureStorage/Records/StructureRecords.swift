import Fluent
import Foundation

final class OrganisationRecord: Model, @unchecked Sendable {
    static let schema = "organisations"
    @ID var id: UUID?
    @Field(key: "name") var name: String
    init() {}
    init(name: String) { self.name = name }
}

final class PersonRecord: Model, @unchecked Sendable {
    static let schema = "people"
    @ID var id: UUID?
    @Field(key: "name") var name: String
    @OptionalField(key: "job_title") var jobTitle: String?
    @OptionalParent(key: "organisation_id") var organisation: OrganisationRecord?
    @OptionalField(key: "email") var email: String?
    init() {}
    init(name: String, jobTitle: String?, organisationID: UUID?) {
        self.name = name
        self.jobTitle = jobTitle
        self.$organisation.id = organisationID
    }
}

final class PortfolioRecord: Model, @unchecked Sendable {
    static let schema = "portfolios"
    @ID var id: UUID?
    @Field(key: "name") var name: String
    /// A `RatingScaleKind` raw value; enums are stored as strings to stay portable.
    @Field(key: "scale") var scale: String
    @OptionalParent(key: "organisation_id") var organisation: OrganisationRecord?
    /// Assurance checks switched off, as comma-separated `Flag.Kind` names.
    @Field(key: "disabled_checks") var disabledChecks: String
    /// Chase missing returns this many days before they are due; nil leaves chasing to the PMO.
    @OptionalField(key: "chase_days_before") var chaseDaysBefore: Int?
    init() {}
    init(name: String, scale: String, organisationID: UUID?) {
        self.name = name
        self.scale = scale
        self.$organisation.id = organisationID
        self.disabledChecks = ""
    }
}

final class ProgrammeRecord: Model, @unchecked Sendable {
    static let schema = "programmes"
    @ID var id: UUID?
    @Parent(key: "portfolio_id") var portfolio: PortfolioRecord
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: String
    @OptionalParent(key: "clinical_lead_id") var clinicalLead: PersonRecord?
    @OptionalParent(key: "head_of_service_id") var headOfService: PersonRecord?
    @OptionalField(key: "head_of_service_title") var headOfServiceTitle: String?
    @Field(key: "sort_order") var sortOrder: Int
    init() {}
}

final class ProjectRecord: Model, @unchecked Sendable {
    static let schema = "projects"
    @ID var id: UUID?
    @Parent(key: "programme_id") var programme: ProgrammeRecord
    @OptionalParent(key: "parent_id") var parent: ProjectRecord?
    @OptionalField(key: "reference") var reference: String?
    @Field(key: "title") var title: String
    @OptionalField(key: "description") var description: String?
    @OptionalParent(key: "sro_id") var sro: PersonRecord?
    @OptionalParent(key: "lead_id") var lead: PersonRecord?
    @OptionalField(key: "commencement") var commencement: String?
    @OptionalField(key: "project_plan") var projectPlan: String?
    @OptionalField(key: "project_timescale") var projectTimescale: String?
    @Field(key: "sort_order") var sortOrder: Int
    @Field(key: "version") var version: Int
    init() {}
}
