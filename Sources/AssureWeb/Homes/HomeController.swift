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
                let portfolio = try await Catalogue.portfolio(req.db, id: tracking.portfolio.id)
                let likely = try await SlipForecasts.latest(req.db, portfolio: portfolio, likelyOnly: true)
                open.append(
                    .init(
                        tracking: tracking, exceptions: report.allFlags.count, chasersQueued: chasers.queued,
                        chasersSent: chasers.sent,
                        likelyToSlip: likely,
                        forecastPeriod: portfolio.latestPublished,
                        dependenciesAtRisk: try await DependencyPicture.read(
                            req.db, portfolio: portfolio, likely: likely, includingOpen: true
                        ).atRisk))
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
            var slipping: [WorkHomeModel.Slipping] = []
            for tracking in try await Work.openPeriods(req.db) {
                func work(_ rows: [ReturnTracking.Row]) -> WorkHomeModel.PeriodWork {
                    .init(portfolio: tracking.portfolio, period: tracking.period, due: tracking.returnsDue, rows: rows)
                }
                let mine = tracking.owed(byEmail: email)
                if !mine.isEmpty { owed.append(work(mine)) }
                let waiting = tracking.awaitingReview(by: reader, name: actor.name)
                if !waiting.isEmpty { toReview.append(work(waiting)) }
                let theirs = tracking.projects(ownedByEmail: email, reviewedBy: reader)
                guard !theirs.isEmpty else { continue }
                let portfolio = try await Catalogue.portfolio(req.db, id: tracking.portfolio.id)
                let likely = try await SlipForecasts.latest(req.db, portfolio: portfolio, likelyOnly: true)
                    .filter { theirs.contains($0.projectID) }
                if let from = portfolio.latestPublished, !likely.isEmpty {
                    slipping.append(.init(portfolio: tracking.portfolio, from: from, forecasts: likely))
                }
            }
            let model = WorkHomeModel(owed: owed, toReview: toReview, today: today, likelyToSlip: slipping)
            return req.html(WorkHomePage.render(model, req.page("Your returns")))
        }
        var cards: [BoardHomeModel.Card] = []
        for portfolio in try await Catalogue.portfolios(req.db) {
            let latest = try await portfolio.latestPublished.asyncMap { period in
                try await self.latest(req, portfolio, period)
            }
            cards.append(.init(portfolio: portfolio.info, latest: latest))
        }
        return req.html(BoardSummaryPage.home(.init(cards: cards), req.page("What the board needs to know")))
    }

    /// A published period's card: its summary, and the board's counts against the period before (worked out once).
    private func latest(
        _ req: Request, _ portfolio: PortfolioSummary, _ period: PeriodInfo
    ) async throws -> BoardHomeModel.Latest {
        let report: PeriodReport
        if let summary = try await Reports.publishedSummary(req.db, periodID: period.id, for: req.readership()) {
            report = summary
        } else {
            // A snapshot still kept as one document (before M032) has no summary of its own.
            report = try await req.report(periodID: period.id).summary
        }
        let counts = try await BoardSummaries.counts(
            req.db, periodID: period.id, previous: portfolio.published(before: period)?.id)
        return .init(report: report, counts: counts)
    }

    /// A period's summary against the latest published period before it, read a programme at a time.
    func boardSummary(req: Request) async throws -> Response {
        let periodID = try req.uuid("period")
        guard case let (portfolio, period)? = try await Catalogue.portfolio(req.db, containingPeriod: periodID) else {
            throw DomainError.notFound("reporting period")
        }
        let summary = try await BoardSummaries.summary(
            req.db, periodID: periodID, previous: portfolio.published(before: period)?.id,
            for: try await req.readership())
        return req.html(
            BoardSummaryPage.render(
                .init(summary: summary), req.page("\(summary.report.portfolio.name): \(period.label) summary")))
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
