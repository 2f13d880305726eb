import Foundation
import OpenAPIKit

/// The registers' operations: each register's list, its items, and the PMO's writes to them.
extension OpenAPIDocument {
    static let registers: [Operation] = [
        Operation(
            route: .apiRisks, method: .GET, summary: "Risk registers with each risk's score and band, and heat maps",
            response: .list(APIRiskRegister.self)),
        Operation(
            route: .apiRiskRegisters, method: .POST,
            summary: "Set up a risk register with its scale and bands (the PMO)",
            body: APIRiskRegisterInput.self, creates: true, response: .one(APIRiskRegister.self)),
        Operation(
            route: .apiRiskRegister, method: .GET, summary: "One risk register", response: .one(APIRiskRegister.self)),
        Operation(
            route: .apiRegisterRisks, method: .POST, summary: "Add a risk to a register (the PMO)",
            body: APIRiskInput.self,
            creates: true, on: "RiskRegister", response: .one(APIRisk.self)),
        Operation(
            route: .apiRisk, method: .GET, summary: "One risk with its score, band and reviews",
            response: .one(APIRisk.self)),
        Operation(
            route: .apiRisk, method: .PUT, summary: "Review a risk: the whole risk as it now stands (the PMO)",
            body: APIRiskInput.self, conditional: true, response: .one(APIRisk.self)),
        Operation(
            route: .apiBusinessCases, method: .GET, summary: "Business-case prioritisations, scored and ranked",
            response: .list(APIPrioritisation.self)),
        Operation(
            route: .apiPrioritisations, method: .POST,
            summary: "Set up a prioritisation with its weighted criteria (the PMO)", body: APIPrioritisationInput.self,
            creates: true, response: .one(APIPrioritisation.self)),
        Operation(
            route: .apiPrioritisation, method: .GET, summary: "One prioritisation, its cases scored and ranked",
            response: .one(APIPrioritisation.self)),
        Operation(
            route: .apiPrioritisationPortfolio, method: .PUT,
            summary: "Give a prioritisation to a portfolio's board papers, or to none (the PMO)",
            body: APIRegisterScopeController.Choice.self, conditional: true, response: .one(APIPrioritisation.self)),
        Operation(
            route: .apiPrioritisationCases, method: .POST, summary: "Add a business case with its ratings (the PMO)",
            body: APIBusinessCaseInput.self, creates: true, on: "Prioritisation",
            response: .one(APIBusinessCase.self)),
        Operation(
            route: .apiBusinessCase, method: .GET, summary: "One business case with its score and rank",
            response: .one(APIBusinessCase.self)),
        Operation(
            route: .apiBusinessCase, method: .PUT, summary: "Rename or re-rate a business case (the PMO)",
            body: APIBusinessCaseInput.self, conditional: true, response: .one(APIBusinessCase.self)),
        Operation(
            route: .apiFundingRounds, method: .GET, summary: "Funding rounds with totals and headroom",
            response: .list(APIFundingRound.self)),
        Operation(
            route: .apiFundingRounds, method: .POST, summary: "Set up a funding round with its envelope (the PMO)",
            body: APIFundingRoundInput.self, creates: true, response: .one(APIFundingRound.self)),
        Operation(
            route: .apiFundingRound, method: .GET, summary: "One funding round with its total and headroom",
            response: .one(APIFundingRound.self)),
        Operation(
            route: .apiAllocations, method: .POST,
            summary: "Add an allocation to a funding round; going over the envelope shows as isOver (the PMO)",
            body: APIAllocationInput.self, creates: true, on: "FundingRound", response: .one(APIFundingRound.self)),
        Operation(
            route: .apiFundingRoundPortfolio, method: .PUT,
            summary: "Give a funding round to a portfolio's board papers, or to none (the PMO)",
            body: APIRegisterScopeController.Choice.self, conditional: true, response: .one(APIFundingRound.self)),
        Operation(
            route: .apiOutcomes, method: .GET, summary: "Outcome measures with trajectory, actuals and latest rating",
            response: .list(APIOutcomeMeasure.self)),
        Operation(
            route: .apiOutcomes, method: .POST, summary: "Set up an outcome measure (the PMO)",
            body: APIOutcomeMeasureInput.self, creates: true, response: .one(APIOutcomeMeasure.self)),
        Operation(
            route: .apiOutcome, method: .GET, summary: "One outcome measure", response: .one(APIOutcomeMeasure.self)),
        Operation(
            route: .apiOutcomeValues, method: .POST,
            summary: "Record a period's trajectory or actual, replacing what it had (the PMO)",
            body: APIOutcomeValueInput.self, conditional: true, response: .one(APIOutcomeMeasure.self)),
        Operation(
            route: .apiDeliverables, method: .GET, summary: "Key deliverables with their financial years and status",
            response: .list(APIDeliverable.self)),
        Operation(
            route: .apiDeliverables, method: .POST, summary: "Add a key deliverable (the PMO)",
            body: APIDeliverableInput.self, creates: true, response: .one(APIDeliverable.self)),
        Operation(
            route: .apiDeliverable, method: .GET, summary: "One key deliverable", response: .one(APIDeliverable.self)),
        Operation(
            route: .apiDeliverable, method: .PUT, summary: "Change a key deliverable as a whole (the PMO)",
            body: APIDeliverableInput.self, conditional: true, response: .one(APIDeliverable.self)),
        Operation(
            route: .apiMeetings, method: .GET, summary: "Meetings with agenda items, outcomes and actions",
            response: .list(APIMeeting.self)),
        Operation(
            route: .apiMeetings, method: .POST,
            summary: "Add a meeting of a committee, or a forward-plan meeting (the PMO)",
            body: APIMeetingInput.self, creates: true, response: .one(APIMeeting.self)),
        Operation(route: .apiMeeting, method: .GET, summary: "One meeting", response: .one(APIMeeting.self)),
        Operation(
            route: .apiMeetingPortfolio, method: .PUT,
            summary: "Give a meeting to a portfolio's board papers, or to none (the PMO)",
            body: APIRegisterScopeController.Choice.self,
            conditional: true, response: .one(APIMeeting.self)),
        Operation(
            route: .apiMeetingItems, method: .POST, summary: "Put an item on a meeting's agenda (the PMO)",
            body: APIAgendaItemInput.self, creates: true, on: "Meeting", response: .one(APIAgendaItem.self)),
        Operation(
            route: .apiMeetingActions, method: .POST, summary: "Add an action from a meeting (the PMO)",
            body: APIMeetingActionInput.self, creates: true, on: "Meeting", response: .one(APIMeeting.self)),
        Operation(
            route: .apiAgendaItem, method: .GET, summary: "One agenda item, with what was decided",
            response: .one(APIAgendaItem.self)),
        Operation(
            route: .apiAgendaItem, method: .PUT,
            summary: "Record what the meeting decided on an item: Noted, or Resolved with resolutions (the PMO)",
            body: APIAgendaOutcomeInput.self, conditional: true, response: .one(APIAgendaItem.self)),
    ]
}
