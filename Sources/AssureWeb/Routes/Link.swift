import Foundation

/// A link to one route, carrying the ids its path needs: the compiler refuses a link that misses one, and the
/// labels say which id goes where. `AppRoute` holds the patterns (registration, access rules, body limits); each
/// `Link` names its pattern by `route` and fills it in `path`.
///
/// Adding a route: a case in `AppRoute`, and here a case with one labelled id per `:parameter`, in order.
public enum Link: Hashable, Sendable {
    case home
    case login
    case logout
    /// The sign-in through a provider, named as the deployment's settings name it (not an id).
    case signInWith(provider: String)
    case signInReturn(provider: String)
    case setup
    case stylesheet
    case portfolios
    case portfolio(portfolio: UUID)
    case createProgramme(portfolio: UUID)
    case createProject(portfolio: UUID)
    case portfolioChecks(portfolio: UUID)
    case changes(portfolio: UUID)
    case slipForecasts(portfolio: UUID)
    case portfolioDependencies(portfolio: UUID)
    case createPeriod(portfolio: UUID)
    case importTable(portfolio: UUID)
    case importApply(portfolio: UUID)
    case importJob(job: UUID)
    case projectList(portfolio: UUID)
    case programmeDashboard(period: UUID)
    case priorities(period: UUID)
    case exceptions(period: UUID)
    case boardSummary(period: UUID)
    case publishConfirm(period: UUID)
    case openPeriod(period: UUID)
    case closePeriod(period: UUID)
    case publishPeriod(period: UUID)
    case project(project: UUID)
    case editProject(project: UUID)
    case projectDependencies(project: UUID)
    case removeDependency(project: UUID, item: UUID)
    case returnsTracking(period: UUID)
    case returnWorkbook(period: UUID)
    case chase(period: UUID)
    case reopenPeriod(period: UUID)
    case returnForm(period: UUID, project: UUID)
    case reviewReturn(period: UUID, project: UUID)
    case outbox
    case webhooks
    case removeWebhook(id: UUID)
    case signInGroups
    case removeSignInGroup(id: UUID)
    case retryMessage(message: UUID)
    case people
    case personEmail(person: UUID)
    case users
    case user(id: UUID)
    case disableUser(id: UUID)
    case enableUser(id: UUID)
    case account
    case changePassword
    case audit
    case tokens
    case revokeToken(id: UUID)
    case glossary
    case glossaryEntry(id: UUID)
    case businessCases
    case addBusinessCase(id: UUID)
    case businessCase(id: UUID)
    case fundingRounds
    case allocate(id: UUID)
    case fundingRoundPortfolio(id: UUID)
    case businessCasesPortfolio(id: UUID)
    case meetingPortfolio(id: UUID)
    case risks
    case addRisk(id: UUID)
    case risk(id: UUID)
    case apiRisks
    case deliverables
    case deliverable(id: UUID)
    case apiDeliverables
    case meetings
    case meeting(id: UUID)
    case meetingItems(id: UUID)
    case meetingActions(id: UUID)
    case itemOutcome(id: UUID)
    case apiMeetings
    case outcomes
    case outcome(id: UUID)
    case apiOutcomes
    case paper(period: UUID)
    case paperTexts(period: UUID)
    case openAPI
    case apiGlossary
    case apiBusinessCases
    case apiFundingRounds
    case apiPortfolios
    case apiChanges(portfolio: UUID)
    case apiSlipForecasts(portfolio: UUID)
    case apiDependencies(portfolio: UUID)
    case apiProjectDependencies(project: UUID)
    case apiDependency(id: UUID)
    case apiProjects(portfolio: UUID)
    case apiPeriod(period: UUID)
    case apiReturns(period: UUID)
    case apiReturn(period: UUID, project: UUID)
    case apiProgrammeDashboard(period: UUID)
    case apiPriorities(period: UUID)
    case apiExceptions(period: UUID)
    case apiProject(project: UUID)
    case apiPeriods(portfolio: UUID)
    case apiPortfolio(portfolio: UUID)
    case apiProgrammes(portfolio: UUID)
    case apiUsers
    case apiGlossaryEntry(id: UUID)
    case apiUser(id: UUID)
    case apiDisableUser(id: UUID)
    case apiEnableUser(id: UUID)
    case apiPeople
    case apiPerson(person: UUID)
    case apiOpenPeriod(period: UUID)
    case apiClosePeriod(period: UUID)
    case apiPublishPeriod(period: UUID)
    case apiReopenPeriod(period: UUID)
    case apiReviewReturn(period: UUID, project: UUID)
    case apiRiskRegisters
    case apiRiskRegister(id: UUID)
    case apiRegisterRisks(id: UUID)
    case apiRisk(id: UUID)
    case apiPrioritisations
    case apiPrioritisation(id: UUID)
    case apiPrioritisationCases(id: UUID)
    case apiBusinessCase(id: UUID)
    case apiFundingRound(id: UUID)
    case apiAllocations(id: UUID)
    case apiOutcome(id: UUID)
    case apiOutcomeValues(id: UUID)
    case apiDeliverable(id: UUID)
    case apiMeeting(id: UUID)
    case apiMeetingItems(id: UUID)
    case apiMeetingActions(id: UUID)
    case apiAgendaItem(id: UUID)
    case apiFundingRoundPortfolio(id: UUID)
    case apiPrioritisationPortfolio(id: UUID)
    case apiMeetingPortfolio(id: UUID)
    case apiImports(portfolio: UUID)
    case apiImport(portfolio: UUID, id: UUID)
    case apiImportPreview(portfolio: UUID, id: UUID)
    case apiImportApply(portfolio: UUID, id: UUID)
    case apiImportJob(id: UUID)

    /// The route whose pattern this link fills.
    public var route: AppRoute {
        switch self {
        case .home: .home
        case .login: .login
        case .logout: .logout
        case .signInWith: .signInWith
        case .signInReturn: .signInReturn
        case .setup: .setup
        case .stylesheet: .stylesheet
        case .portfolios: .portfolios
        case .portfolio: .portfolio
        case .createProgramme: .createProgramme
        case .createProject: .createProject
        case .portfolioChecks: .portfolioChecks
        case .changes: .changes
        case .slipForecasts: .slipForecasts
        case .portfolioDependencies: .portfolioDependencies
        case .createPeriod: .createPeriod
        case .importTable: .importTable
        case .importApply: .importApply
        case .importJob: .importJob
        case .projectList: .projectList
        case .programmeDashboard: .programmeDashboard
        case .priorities: .priorities
        case .exceptions: .exceptions
        case .boardSummary: .boardSummary
        case .publishConfirm: .publishConfirm
        case .openPeriod: .openPeriod
        case .closePeriod: .closePeriod
        case .publishPeriod: .publishPeriod
        case .project: .project
        case .editProject: .editProject
        case .projectDependencies: .projectDependencies
        case .removeDependency: .removeDependency
        case .returnsTracking: .returnsTracking
        case .returnWorkbook: .returnWorkbook
        case .chase: .chase
        case .reopenPeriod: .reopenPeriod
        case .returnForm: .returnForm
        case .reviewReturn: .reviewReturn
        case .outbox: .outbox
        case .webhooks: .webhooks
        case .removeWebhook: .removeWebhook
        case .signInGroups: .signInGroups
        case .removeSignInGroup: .removeSignInGroup
        case .retryMessage: .retryMessage
        case .people: .people
        case .personEmail: .personEmail
        case .users: .users
        case .user: .user
        case .disableUser: .disableUser
        case .enableUser: .enableUser
        case .account: .account
        case .changePassword: .changePassword
        case .audit: .audit
        case .tokens: .tokens
        case .revokeToken: .revokeToken
        case .glossary: .glossary
        case .glossaryEntry: .glossaryEntry
        case .businessCases: .businessCases
        case .addBusinessCase: .addBusinessCase
        case .businessCase: .businessCase
        case .fundingRounds: .fundingRounds
        case .allocate: .allocate
        case .fundingRoundPortfolio: .fundingRoundPortfolio
        case .businessCasesPortfolio: .businessCasesPortfolio
        case .meetingPortfolio: .meetingPortfolio
        case .risks: .risks
        case .addRisk: .addRisk
        case .risk: .risk
        case .apiRisks: .apiRisks
        case .deliverables: .deliverables
        case .deliverable: .deliverable
        case .apiDeliverables: .apiDeliverables
        case .meetings: .meetings
        case .meeting: .meeting
        case .meetingItems: .meetingItems
        case .meetingActions: .meetingActions
        case .itemOutcome: .itemOutcome
        case .apiMeetings: .apiMeetings
        case .outcomes: .outcomes
        case .outcome: .outcome
        case .apiOutcomes: .apiOutcomes
        case .paper: .paper
        case .paperTexts: .paperTexts
        case .openAPI: .openAPI
        case .apiGlossary: .apiGlossary
        case .apiBusinessCases: .apiBusinessCases
        case .apiFundingRounds: .apiFundingRounds
        case .apiPortfolios: .apiPortfolios
        case .apiChanges: .apiChanges
        case .apiSlipForecasts: .apiSlipForecasts
        case .apiDependencies: .apiDependencies
        case .apiProjectDependencies: .apiProjectDependencies
        case .apiDependency: .apiDependency
        case .apiProjects: .apiProjects
        case .apiPeriod: .apiPeriod
        case .apiReturns: .apiReturns
        case .apiReturn: .apiReturn
        case .apiProgrammeDashboard: .apiProgrammeDashboard
        case .apiPriorities: .apiPriorities
        case .apiExceptions: .apiExceptions
        case .apiProject: .apiProject
        case .apiPeriods: .apiPeriods
        case .apiPortfolio: .apiPortfolio
        case .apiProgrammes: .apiProgrammes
        case .apiUsers: .apiUsers
        case .apiGlossaryEntry: .apiGlossaryEntry
        case .apiUser: .apiUser
        case .apiDisableUser: .apiDisableUser
        case .apiEnableUser: .apiEnableUser
        case .apiPeople: .apiPeople
        case .apiPerson: .apiPerson
        case .apiOpenPeriod: .apiOpenPeriod
        case .apiClosePeriod: .apiClosePeriod
        case .apiPublishPeriod: .apiPublishPeriod
        case .apiReopenPeriod: .apiReopenPeriod
        case .apiReviewReturn: .apiReviewReturn
        case .apiRiskRegisters: .apiRiskRegisters
        case .apiRiskRegister: .apiRiskRegister
        case .apiRegisterRisks: .apiRegisterRisks
        case .apiRisk: .apiRisk
        case .apiPrioritisations: .apiPrioritisations
        case .apiPrioritisation: .apiPrioritisation
        case .apiPrioritisationCases: .apiPrioritisationCases
        case .apiBusinessCase: .apiBusinessCase
        case .apiFundingRound: .apiFundingRound
        case .apiAllocations: .apiAllocations
        case .apiOutcome: .apiOutcome
        case .apiOutcomeValues: .apiOutcomeValues
        case .apiDeliverable: .apiDeliverable
        case .apiMeeting: .apiMeeting
        case .apiMeetingItems: .apiMeetingItems
        case .apiMeetingActions: .apiMeetingActions
        case .apiAgendaItem: .apiAgendaItem
        case .apiFundingRoundPortfolio: .apiFundingRoundPortfolio
        case .apiPrioritisationPortfolio: .apiPrioritisationPortfolio
        case .apiMeetingPortfolio: .apiMeetingPortfolio
        case .apiImports: .apiImports
        case .apiImport: .apiImport
        case .apiImportPreview: .apiImportPreview
        case .apiImportApply: .apiImportApply
        case .apiImportJob: .apiImportJob
        }
    }

    /// The ids, in the order of the pattern's parameters.
    var ids: [UUID] {
        switch self {
        case .portfolio(let portfolio): [portfolio]
        case .createProgramme(let portfolio): [portfolio]
        case .createProject(let portfolio): [portfolio]
        case .portfolioChecks(let portfolio): [portfolio]
        case .changes(let portfolio): [portfolio]
        case .slipForecasts(let portfolio): [portfolio]
        case .portfolioDependencies(let portfolio): [portfolio]
        case .createPeriod(let portfolio): [portfolio]
        case .importTable(let portfolio): [portfolio]
        case .importApply(let portfolio): [portfolio]
        case .importJob(let job): [job]
        case .projectList(let portfolio): [portfolio]
        case .programmeDashboard(let period): [period]
        case .priorities(let period): [period]
        case .exceptions(let period): [period]
        case .boardSummary(let period): [period]
        case .publishConfirm(let period): [period]
        case .openPeriod(let period): [period]
        case .closePeriod(let period): [period]
        case .publishPeriod(let period): [period]
        case .project(let project): [project]
        case .editProject(let project): [project]
        case .projectDependencies(let project): [project]
        case .removeDependency(let project, let item): [project, item]
        case .returnsTracking(let period): [period]
        case .returnWorkbook(let period): [period]
        case .chase(let period): [period]
        case .reopenPeriod(let period): [period]
        case .returnForm(let period, let project): [period, project]
        case .reviewReturn(let period, let project): [period, project]
        case .retryMessage(let message): [message]
        case .personEmail(let person): [person]
        case .user(let id): [id]
        case .disableUser(let id): [id]
        case .enableUser(let id): [id]
        case .revokeToken(let id): [id]
        case .removeWebhook(let id): [id]
        case .removeSignInGroup(let id): [id]
        case .glossaryEntry(let id): [id]
        case .addBusinessCase(let id): [id]
        case .businessCase(let id): [id]
        case .allocate(let id): [id]
        case .fundingRoundPortfolio(let id): [id]
        case .businessCasesPortfolio(let id): [id]
        case .meetingPortfolio(let id): [id]
        case .addRisk(let id): [id]
        case .risk(let id): [id]
        case .deliverable(let id): [id]
        case .meeting(let id): [id]
        case .meetingItems(let id): [id]
        case .meetingActions(let id): [id]
        case .itemOutcome(let id): [id]
        case .outcome(let id): [id]
        case .apiRiskRegister(let id): [id]
        case .apiRegisterRisks(let id): [id]
        case .apiRisk(let id): [id]
        case .apiPrioritisation(let id): [id]
        case .apiPrioritisationCases(let id): [id]
        case .apiBusinessCase(let id): [id]
        case .apiFundingRound(let id): [id]
        case .apiAllocations(let id): [id]
        case .apiOutcome(let id): [id]
        case .apiOutcomeValues(let id): [id]
        case .apiDeliverable(let id): [id]
        case .apiMeeting(let id): [id]
        case .apiMeetingItems(let id): [id]
        case .apiMeetingActions(let id): [id]
        case .apiAgendaItem(let id): [id]
        case .apiFundingRoundPortfolio(let id): [id]
        case .apiPrioritisationPortfolio(let id): [id]
        case .apiMeetingPortfolio(let id): [id]
        case .apiImports(let portfolio): [portfolio]
        case .apiImport(let portfolio, let id): [portfolio, id]
        case .apiImportPreview(let portfolio, let id): [portfolio, id]
        case .apiImportApply(let portfolio, let id): [portfolio, id]
        case .apiImportJob(let id): [id]
        case .paper(let period): [period]
        case .paperTexts(let period): [period]
        case .apiChanges(let portfolio): [portfolio]
        case .apiSlipForecasts(let portfolio): [portfolio]
        case .apiDependencies(let portfolio): [portfolio]
        case .apiProjectDependencies(let project): [project]
        case .apiDependency(let id): [id]
        case .apiProjects(let portfolio): [portfolio]
        case .apiPeriod(let period): [period]
        case .apiReturns(let period): [period]
        case .apiReturn(let period, let project): [period, project]
        case .apiProgrammeDashboard(let period): [period]
        case .apiPriorities(let period): [period]
        case .apiExceptions(let period): [period]
        case .apiProject(let project): [project]
        case .apiPeriods(let portfolio), .apiPortfolio(let portfolio), .apiProgrammes(let portfolio): [portfolio]
        case .apiUser(let id), .apiDisableUser(let id), .apiEnableUser(let id), .apiGlossaryEntry(let id): [id]
        case .apiPerson(let person): [person]
        case .apiOpenPeriod(let period), .apiClosePeriod(let period), .apiPublishPeriod(let period),
            .apiReopenPeriod(let period):
            [period]
        case .apiReviewReturn(let period, let project): [period, project]
        default: []
        }
    }

    /// What fills the pattern's parameters, in order: the ids, or a provider's name (lower-case letters, digits and
    /// hyphens, as its settings require).
    var parameters: [String] {
        switch self {
        case .signInWith(let provider), .signInReturn(let provider): [provider]
        default: ids.map(\.uuidString)
        }
    }

    /// The path, each `:parameter` of the pattern replaced by its id in order.
    public var path: String {
        var remaining = parameters[...]
        let parts = route.rawValue.split(separator: "/").map { part -> String in
            guard part.hasPrefix(":"), let value = remaining.popFirst() else { return String(part) }
            return value
        }
        return "/" + parts.joined(separator: "/")
    }

    /// The path with a query string (`programme=…`), or without one when `query` is nil.
    public func path(query: String?) -> String { path + (query.map { "?\($0)" } ?? "") }
}
