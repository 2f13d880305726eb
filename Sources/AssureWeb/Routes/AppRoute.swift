import AssureCore
import AssureOutput
import Foundation
import Vapor

/// Every route of the app, in one place: the same values register the routes and build the links,
/// so a link cannot point at a route that does not exist.
public enum AppRoute: String, CaseIterable, Sendable {
    case home = ""
    case login = "login"
    case logout = "logout"
    case signInWith = "login/with/:provider"
    case signInReturn = "login/with/:provider/return"
    case setup = "setup"
    case stylesheet = "assets/assure.css"
    case portfolios = "portfolios"
    case portfolio = "portfolios/:portfolio"
    case createProgramme = "portfolios/:portfolio/programmes"
    case createProject = "portfolios/:portfolio/projects"
    case portfolioChecks = "portfolios/:portfolio/checks"
    case changes = "portfolios/:portfolio/changes"
    case slipForecasts = "portfolios/:portfolio/slip-forecasts"
    case portfolioDependencies = "portfolios/:portfolio/dependencies"
    case createPeriod = "portfolios/:portfolio/periods"
    case importTable = "portfolios/:portfolio/import"
    case importApply = "portfolios/:portfolio/import/apply"
    case importJob = "imports/:job"
    case projectList = "portfolios/:portfolio/project-list"
    case programmeDashboard = "periods/:period/programme-dashboard"
    case priorities = "periods/:period/priorities"
    case exceptions = "periods/:period/exceptions"
    case boardSummary = "periods/:period/summary"
    case publishConfirm = "periods/:period/publish/confirm"
    case openPeriod = "periods/:period/open"
    case closePeriod = "periods/:period/close"
    case publishPeriod = "periods/:period/publish"
    case project = "projects/:project"
    case editProject = "projects/:project/edit"
    case projectDependencies = "projects/:project/dependencies"
    case removeDependency = "projects/:project/dependencies/:item/remove"
    case returnsTracking = "periods/:period/returns"
    case returnWorkbook = "periods/:period/workbook"
    case chase = "periods/:period/chase"
    case reopenPeriod = "periods/:period/reopen"
    case returnForm = "periods/:period/returns/:project"
    case reviewReturn = "periods/:period/returns/:project/review"
    case outbox = "outbox"
    case webhooks = "webhooks"
    case removeWebhook = "webhooks/:item/remove"
    case retryMessage = "outbox/:message/retry"
    case people = "people"
    case personEmail = "people/:person"
    case users = "users"
    case user = "users/:item"
    case disableUser = "users/:item/disable"
    case enableUser = "users/:item/enable"
    case signInGroups = "sign-in-groups"
    case removeSignInGroup = "sign-in-groups/:item/remove"
    case account = "account"
    case changePassword = "account/password"
    case audit = "audit"
    case tokens = "tokens"
    case revokeToken = "tokens/:item/revoke"
    case glossary = "glossary"
    case glossaryEntry = "glossary/:item"
    case businessCases = "business-cases"
    case addBusinessCase = "business-cases/:item/cases"
    case businessCase = "business-cases/cases/:item"
    case fundingRounds = "funding-rounds"
    case allocate = "funding-rounds/:item/allocations"
    case fundingRoundPortfolio = "funding-rounds/:item/portfolio"
    case businessCasesPortfolio = "business-cases/:item/portfolio"
    case meetingPortfolio = "meetings/:item/portfolio"
    case risks = "risks"
    case addRisk = "risks/registers/:item"
    case risk = "risks/:item"
    case apiRisks = "api/v1/risks"
    case deliverables = "deliverables"
    case deliverable = "deliverables/:item"
    case apiDeliverables = "api/v1/deliverables"
    case meetings = "meetings"
    case meeting = "meetings/:item"
    case meetingItems = "meetings/:item/items"
    case meetingActions = "meetings/:item/actions"
    case itemOutcome = "meetings/items/:item/outcome"
    case apiMeetings = "api/v1/meetings"
    case outcomes = "outcomes"
    case outcome = "outcomes/:item"
    case apiOutcomes = "api/v1/outcomes"
    case paper = "periods/:period/paper"
    case paperTexts = "periods/:period/paper/texts"
    case openAPI = "api/openapi.json"
    case apiGlossary = "api/v1/glossary"
    case apiBusinessCases = "api/v1/business-cases"
    case apiFundingRounds = "api/v1/funding-rounds"
    case apiPortfolios = "api/v1/portfolios"
    case apiChanges = "api/v1/portfolios/:portfolio/changes"
    case apiSlipForecasts = "api/v1/portfolios/:portfolio/slip-forecasts"
    case apiDependencies = "api/v1/portfolios/:portfolio/dependencies"
    case apiProjectDependencies = "api/v1/projects/:project/dependencies"
    case apiDependency = "api/v1/dependencies/:item"
    case apiProjects = "api/v1/portfolios/:portfolio/projects"
    case apiPeriod = "api/v1/periods/:period"
    case apiReturns = "api/v1/periods/:period/returns"
    case apiReturn = "api/v1/periods/:period/returns/:project"
    case apiProgrammeDashboard = "api/v1/periods/:period/programme-dashboard"
    case apiPriorities = "api/v1/periods/:period/priorities"
    case apiExceptions = "api/v1/periods/:period/exceptions"
    case apiProject = "api/v1/projects/:project"
    case apiPeriods = "api/v1/portfolios/:portfolio/periods"
    case apiPortfolio = "api/v1/portfolios/:portfolio"
    case apiProgrammes = "api/v1/portfolios/:portfolio/programmes"
    case apiUsers = "api/v1/users"
    case apiGlossaryEntry = "api/v1/glossary/:item"
    case apiUser = "api/v1/users/:item"
    case apiDisableUser = "api/v1/users/:item/disable"
    case apiEnableUser = "api/v1/users/:item/enable"
    case apiPeople = "api/v1/people"
    case apiPerson = "api/v1/people/:person"
    case apiOpenPeriod = "api/v1/periods/:period/open"
    case apiClosePeriod = "api/v1/periods/:period/close"
    case apiPublishPeriod = "api/v1/periods/:period/publish"
    case apiReopenPeriod = "api/v1/periods/:period/reopen"
    case apiReviewReturn = "api/v1/periods/:period/returns/:project/review"
    case apiRiskRegisters = "api/v1/risk-registers"
    case apiRiskRegister = "api/v1/risk-registers/:item"
    case apiRegisterRisks = "api/v1/risk-registers/:item/risks"
    case apiRisk = "api/v1/risks/:item"
    case apiPrioritisations = "api/v1/prioritisations"
    case apiPrioritisation = "api/v1/prioritisations/:item"
    case apiPrioritisationCases = "api/v1/prioritisations/:item/cases"
    case apiBusinessCase = "api/v1/business-cases/:item"
    case apiFundingRound = "api/v1/funding-rounds/:item"
    case apiAllocations = "api/v1/funding-rounds/:item/allocations"
    case apiOutcome = "api/v1/outcomes/:item"
    case apiOutcomeValues = "api/v1/outcomes/:item/values"
    case apiDeliverable = "api/v1/deliverables/:item"
    case apiMeeting = "api/v1/meetings/:item"
    case apiMeetingItems = "api/v1/meetings/:item/items"
    case apiMeetingActions = "api/v1/meetings/:item/actions"
    case apiAgendaItem = "api/v1/agenda-items/:item"
    case apiFundingRoundPortfolio = "api/v1/funding-rounds/:item/portfolio"
    case apiPrioritisationPortfolio = "api/v1/prioritisations/:item/portfolio"
    case apiMeetingPortfolio = "api/v1/meetings/:item/portfolio"
    case apiImports = "api/v1/portfolios/:portfolio/imports"
    case apiImport = "api/v1/portfolios/:portfolio/imports/:item"
    case apiImportPreview = "api/v1/portfolios/:portfolio/imports/:item/preview"
    case apiImportApply = "api/v1/portfolios/:portfolio/imports/:item/apply"
    case apiImportJob = "api/v1/import-jobs/:item"

    public var components: [PathComponent] {
        rawValue.split(separator: "/").map { PathComponent(stringLiteral: String($0)) }
    }

    public var isAPI: Bool { rawValue.hasPrefix("api/") }
    /// The largest upload body: the largest import file plus the form around it.
    public static let uploadLimit = 26 * 1024 * 1024

    /// Routes that take a file upload, and so a larger body than a form.
    public var acceptsUpload: Bool { [.importTable, .importApply, .returnWorkbook, .apiImports].contains(self) }

    /// The largest body of a small form: a sign-in, a password, a name. An anonymous visitor reaches only these, so
    /// nobody can make the server read or parse megabytes before it knows who they are.
    public static let smallFormLimit = 16 * 1024
    /// The largest body of any other form (a return with long narrative, a pasted table).
    public static let formLimit = 2 * 1024 * 1024

    /// Whether this upload route takes files from the actor at all (the handler then checks which programmes).
    func mayUpload(_ actor: Actor) -> Bool {
        switch self {
        case .importTable, .importApply, .apiImports: actor.canManagePortfolio
        case .returnWorkbook: actor.role != .viewer
        default: false
        }
    }

    /// Routes whose forms are a few short fields.
    public var takesSmallForm: Bool {
        [
            .login, .logout, .setup, .changePassword, .users, .user, .disableUser, .enableUser, .tokens, .revokeToken,
            .signInGroups, .removeSignInGroup,
        ]
        .contains(self)
    }

    /// The largest body this route reads.
    public var bodyLimit: Int {
        acceptsUpload ? Self.uploadLimit : takesSmallForm ? Self.smallFormLimit : Self.formLimit
    }

    /// Whether a path fits a route's pattern, segment by segment: a `:parameter` segment matches any one segment.
    static func matches(pattern: [some StringProtocol], path: String) -> Bool {
        let parts = path.split(separator: "/")
        return pattern.count == parts.count && zip(pattern, parts).allSatisfy { $0.hasPrefix(":") || $0 == $1 }
    }

    /// Pages anyone may reach without signing in.
    public var isPublic: Bool { [.login, .signInWith, .signInReturn, .setup, .stylesheet, .openAPI].contains(self) }
}

extension Request {
    func uuid(_ name: String) throws -> UUID {
        guard let text = parameters.get(name), let id = UUID(uuidString: text) else {
            throw Abort(.notFound, reason: "No such \(name).")
        }
        return id
    }

    /// An optional id in the query (`?programme=…`): absent is nil, anything but an id is a 400, never silently ignored.
    func queryID(_ name: String) throws -> UUID? {
        guard let text = try? query.get(String.self, at: name) else { return nil }
        guard let id = UUID(uuidString: text) else {
            throw Abort(.badRequest, reason: "\(name) must be an id, not “\(text.prefix(40))”.")
        }
        return id
    }
}
