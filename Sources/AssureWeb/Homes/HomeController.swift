import AssureApp
import AssureCore
import AssureStorage
import Vapor

/// Each role's first page after signing in, a board member's summary of a period, and the person's own account.
struct HomeController: AppRouteCollection {
    func boot(routes: AppRoutes) throws {
        routes.get(.home, use: home)
        routes.get(.boardSummary, use: boardSummary)
        routes.get(.account, use: account)
    }

    /// The PMO lands on the open periods; a lead or SRO on their own returns and reviews; a board member on what
    /// the latest published periods say.
    func home(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let today = CalendarDate(utc: req.now)
        if actor.canManagePortfolio {
            var open: [CockpitModel.OpenPeriod] = []
            for tracking in try await Work.openPeriods(req.db) {
                let chasers = try await Work.chasers(req.db, periodID: tracking.period.id)
                let report = try await req.report(periodID: tracking.period.id)
                open.append(
                    .init(
                        tracking: tracking, exceptions: report.allFlags.count, chasersQueued: chasers.queued,
                        chasersSent: chasers.sent))
            }
            let busy = Set(open.map(\.tracking.portfolio.id))
            let idle = try await Catalogue.portfolios(req.db).map(\.info).filter { !busy.contains($0.id) }
            return req.html(CockpitPage.render(.init(open: open, idle: idle, today: today), req.page("Home")))
        }
        let reader = try await req.readership()
        if actor.role == .editor || !reader.reviewedProjects.isEmpty {
            let email = try await Work.email(req.db, actor) ?? ""
            var owed: [WorkHomeModel.PeriodWork] = []
            var toReview: [WorkHomeModel.PeriodWork] = []
            for tracking in try await Work.openPeriods(req.db) {
                func work(_ rows: [ReturnTracking.Row]) -> WorkHomeModel.PeriodWork {
                    .init(portfolio: tracking.portfolio, period: tracking.period, due: tracking.returnsDue, rows: rows)
                }
                let mine = tracking.owed(byEmail: email)
                if !mine.isEmpty { owed.append(work(mine)) }
                let waiting = tracking.awaitingReview(by: reader, name: actor.name)
                if !waiting.isEmpty { toReview.append(work(waiting)) }
            }
            let model = WorkHomeModel(owed: owed, toReview: toReview, today: today)
            return req.html(WorkHomePage.render(model, req.page("Your returns")))
        }
        var cards: [BoardHomeModel.Card] = []
        for portfolio in try await Catalogue.portfolios(req.db) {
            let summary = try await portfolio.latestPublished.asyncMap { try await self.summary(req, portfolio, $0) }
            cards.append(.init(portfolio: portfolio.info, summary: summary))
        }
        return req.html(BoardSummaryPage.home(.init(cards: cards), req.page("What the board needs to know")))
    }

    func boardSummary(req: Request) async throws -> Response {
        let report = try await req.report(periodID: try req.uuid("period"))
        let portfolio = try await Catalogue.portfolio(req.db, id: report.portfolio.id)
        let summary = try await summary(req, portfolio, report.period, report: report)
        return req.html(
            BoardSummaryPage.render(
                .init(summary: summary), req.page("\(report.portfolio.name): \(report.period.label) summary")))
    }

    /// A period's summary against the latest published period before it.
    private func summary(
        _ req: Request, _ portfolio: PortfolioSummary, _ period: PeriodInfo, report known: PeriodReport? = nil
    ) async throws -> BoardSummary {
        var report: PeriodReport
        if let known { report = known } else { report = try await req.report(periodID: period.id) }
        var previous: PeriodReport?
        if let before = portfolio.published(before: period) { previous = try await req.report(periodID: before.id) }
        return BoardSummary(report: report, previous: previous)
    }

    func account(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let model = AccountPageModel(
            name: actor.name, email: try await Work.email(req.db, actor), role: actor.role,
            programmes: try await Catalogue.programmeNames(req.db, ids: actor.programmeIDs),
            reviewedProjects: try await req.readership().reviewedProjects.count)
        return req.html(AccountPage.render(model, req.page("Your account")))
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
