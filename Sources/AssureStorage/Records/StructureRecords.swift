import FluentKit
import Foundation

package final class OrganisationRecord: Model, @unchecked Sendable {
    package static let schema = "organisations"
    @ID package var id: UUID?
    @Field(key: "name") package var name: String
    package init() {}
    package init(name: String) { self.name = name }
}

package final class PersonRecord: Model, @unchecked Sendable {
    package static let schema = "people"
    @ID package var id: UUID?
    @Field(key: "name") package var name: String
    @OptionalField(key: "job_title") package var jobTitle: String?
    @OptionalParent(key: "organisation_id") package var organisation: OrganisationRecord?
    @OptionalField(key: "email") package var email: String?
    package init() {}
    package init(name: String, jobTitle: String?, organisationID: UUID?) {
        self.name = name
        self.jobTitle = jobTitle
        self.$organisation.id = organisationID
    }
}

package final class PortfolioRecord: Model, @unchecked Sendable {
    package static let schema = "portfolios"
    @ID package var id: UUID?
    @Field(key: "name") package var name: String
    /// A `RatingScaleKind` raw value; enums are stored as strings to stay portable.
    @Field(key: "scale") package var scale: String
    @OptionalParent(key: "organisation_id") package var organisation: OrganisationRecord?
    /// Assurance checks switched off, as comma-separated `Flag.Kind` names.
    @Field(key: "disabled_checks") package var disabledChecks: String
    /// Chase missing returns this many days before they are due; nil leaves chasing to the PMO.
    @OptionalField(key: "chase_days_before") package var chaseDaysBefore: Int?
    /// Whether a return is refused for submission with no update written.
    @Field(key: "require_update") package var requireUpdate: Bool
    /// Whether milestones' slip forecasts are shown (M043).
    @Field(key: "slip_forecast_shown") package var slipForecastShown: Bool
    package init() {}
    package init(name: String, scale: String, organisationID: UUID?) {
        self.name = name
        self.scale = scale
        self.$organisation.id = organisationID
        self.disabledChecks = ""
        self.requireUpdate = true
        self.slipForecastShown = true
    }
}

package final class ProgrammeRecord: Model, @unchecked Sendable {
    package static let schema = "programmes"
    @ID package var id: UUID?
    @Parent(key: "portfolio_id") package var portfolio: PortfolioRecord
    @Field(key: "name") package var name: String
    @Field(key: "kind") package var kind: String
    @OptionalParent(key: "clinical_lead_id") package var clinicalLead: PersonRecord?
    @OptionalParent(key: "head_of_service_id") package var headOfService: PersonRecord?
    @OptionalField(key: "head_of_service_title") package var headOfServiceTitle: String?
    @Field(key: "sort_order") package var sortOrder: Int
    package init() {}
}

package final class ProjectRecord: Model, @unchecked Sendable {
    package static let schema = "projects"
    @ID package var id: UUID?
    @Parent(key: "programme_id") package var programme: ProgrammeRecord
    @OptionalParent(key: "parent_id") package var parent: ProjectRecord?
    @OptionalField(key: "reference") package var reference: String?
    @Field(key: "title") package var title: String
    @OptionalField(key: "description") package var description: String?
    @OptionalParent(key: "sro_id") package var sro: PersonRecord?
    @OptionalParent(key: "lead_id") package var lead: PersonRecord?
    @OptionalField(key: "commencement") package var commencement: String?
    @OptionalField(key: "project_plan") package var projectPlan: String?
    @OptionalField(key: "project_timescale") package var projectTimescale: String?
    @Field(key: "sort_order") package var sortOrder: Int
    @Field(key: "version") package var version: Int
    package init() {}
}
