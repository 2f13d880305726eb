import AssureCore
import AssureOutput
import AssureStorage
import Foundation
import OpenAPIKit

/// The API's named schemas: each is read off its type by `SchemaRecorder`, so a property added to a type is in the
/// document without anyone writing it twice.
enum OpenAPIComponents {
    /// Sendable by hand: a name, an immutable metatype and a flag.
    struct Component: @unchecked Sendable {
        let name: String
        let type: any Decodable.Type
        let use: SchemaRecorder.Use
    }

    static func answer(_ name: String, _ type: any Decodable.Type) -> Component {
        Component(name: name, type: type, use: .answer)
    }
    static func request(_ name: String, _ type: any Decodable.Type) -> Component {
        Component(name: name, type: type, use: .request)
    }

    static let all: [Component] = [
        answer("Problem", APIProblem.self),
        answer("Period", APIPeriod.self), request("PeriodInput", APIPeriodInput.self),
        request("PublishInput", APIPublishInput.self), request("ReopenInput", APIReopenInput.self),
        answer("User", UserSummary.self), request("NewUser", APIAccountController.NewUser.self),
        request("Access", APIAccountController.Access.self),
        answer("Person", PersonContact.self), request("Email", APIAccountController.Email.self),
        answer("GlossaryEntry", StoredGlossaryEntry.self), request("GlossaryInput", APIGlossaryController.Entry.self),
        answer("Portfolio", APIPortfolio.self), request("PortfolioInput", APIPortfolioInput.self),
        answer("Programme", APIProgramme.self), request("ProgrammeInput", APIProgrammeInput.self),
        answer("Project", APIProject.self), request("ProjectInput", APIProjectInput.self),
        request("ProjectChanges", APIProjectChanges.self),
        answer("ProjectList", APIProjectList.self), answer("Milestone", APIMilestone.self),
        answer("Cell", APICell.self), answer("Table", APITable.self), answer("Dashboard", APIDashboard.self),
        answer("Changes", APIChanges.self), answer("SlipForecasts", APISlipForecasts.self),
        answer("Dependencies", APIDependencies.self), answer("Dependency", APIDependency.self),
        answer("DependencyEnd", APIDependencyEnd.self), answer("DependencySuggestion", APIDependencySuggestion.self),
        request("DependencyInput", APIDependencyInput.self),
        answer("ReturnTracking", APIReturnTracking.self),
        answer("Return", APIReturn.self), answer("MilestoneLine", APIMilestoneLine.self),
        request("ReturnInput", APIReturnInput.self), request("ReviewInput", APIReviewInput.self),
        answer("Money", APIMoney.self),
        answer("RiskRegister", APIRiskRegister.self), request("RiskRegisterInput", APIRiskRegisterInput.self),
        answer("Risk", APIRisk.self), request("RiskInput", APIRiskInput.self),
        answer("Prioritisation", APIPrioritisation.self),
        request("PrioritisationInput", APIPrioritisationInput.self),
        answer("ScoredBusinessCase", APIBusinessCase.self), request("BusinessCaseInput", APIBusinessCaseInput.self),
        request("PortfolioChoice", APIRegisterScopeController.Choice.self),
        answer("FundingRound", APIFundingRound.self), request("FundingRoundInput", APIFundingRoundInput.self),
        request("AllocationInput", APIAllocationInput.self),
        answer("Outcome", APIOutcomeMeasure.self), request("OutcomeInput", APIOutcomeMeasureInput.self),
        request("OutcomeValueInput", APIOutcomeValueInput.self),
        answer("Deliverable", APIDeliverable.self), request("DeliverableInput", APIDeliverableInput.self),
        answer("Meeting", APIMeeting.self), request("MeetingInput", APIMeetingInput.self),
        answer("AgendaItem", APIAgendaItem.self), request("AgendaItemInput", APIAgendaItemInput.self),
        request("AgendaOutcomeInput", APIAgendaOutcomeInput.self), request("ActionInput", APIMeetingActionInput.self),
        answer("ImportPreview", APIImportPreview.self), request("ImportOptions", APIImportOptions.self),
        answer("ImportJob", APIImportJob.self),
    ]

    static let names: [ObjectIdentifier: String] = Dictionary(
        uniqueKeysWithValues: all.map { (ObjectIdentifier($0.type), $0.name) })

    static func name(of type: any Decodable.Type) -> String? { names[ObjectIdentifier(type)] }

    /// Every component's schema, by name.
    static func schemas() throws -> OpenAPI.ComponentDictionary<JSONSchema> {
        let recorder = SchemaRecorder(names: names)
        var schemas = OpenAPI.ComponentDictionary<JSONSchema>()
        for component in all.sorted(by: { $0.name < $1.name }) {
            guard let key = OpenAPI.ComponentKey(rawValue: component.name) else {
                throw SchemaRecorder.Failure.unsupported(type: component.name, what: "that name")
            }
            schemas[key] = try recorder.component(component.type, use: component.use)
        }
        return schemas
    }
}

// Refinements of the types other modules define, which the API answers with as they are.

extension Role: SchemaChoices {}

extension APIPeriod: SchemaRefined {
    static let refinements: [String: Refinement] = [
        "asAt": .date, "publishOn": .date, "status": .oneOf(PeriodStatus.allCases.map(\.rawValue)),
    ]
}

extension APIDashboard: SchemaRefined {
    static let refinements: [String: Refinement] = [
        "report": .oneOf(ReportKind.allCases.map(\.rawValue)),
        "counts": .described("Projects at each rating"),
        "countsNotUpdated": .described("Of each rating's count, how many were carried forward (not updated)"),
        "provisional": .described("Present while the period is not published: its values are not final"),
    ]
}

extension APIReturnTracking.Row: SchemaRefined {
    static let refinements: [String: Refinement] = [
        "submittedAt": .dateTime, "state": .oneOf(ReturnState.allCases.map(\.rawValue)),
        "ownerEmails": .described("For the PMO only"),
    ]
}

extension APIProjectList: SchemaRefined {
    static let refinements: [String: Refinement] = ["next": .described("The next page's address")]
}

extension APIMilestone: SchemaRefined {
    static let refinements: [String: Refinement] = [
        "date": .described("As the return wrote it, e.g. Q3 2016/17"), "dueBy": .date,
    ]
}

extension Criterion: SchemaRefined {
    static let refinements: [String: Refinement] = [
        "name": .required, "weight": Refinement(minimum: (0, exclusive: true), maximum: 100),
    ]
}
