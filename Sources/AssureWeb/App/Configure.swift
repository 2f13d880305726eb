import AssureApp
import AssureOpenID
import AssureStorage
import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Vapor

/// Builds the whole web app on an Application: database, migrations, sessions in the database, middleware, routes.
public enum WebApp {
    public static func configure(_ app: Application, _ settings: AppSettings) async throws {
        app.storage[AppSettingsKey.self] = settings
        app.databases.use(try Storage.configuration(for: settings.database), as: settings.database.databaseID)
        app.migrations.add(Storage.migrations)
        app.migrations.add(SessionRecord.migration)
        try await Storage.prepareEveryConnection(
            app.databases, settings.database.databaseID, on: app.eventLoopGroup, logger: app.logger)
        try await app.autoMigrate()
        if settings.loadDemo, try await DemoLoader.loadIfEmpty(app.db, cost: settings.bcryptCost) {
            app.logger.notice("Loaded the demo portfolios (seeds 004 and 000).")
        }

        app.sessions.use { QuietSessionDriver(base: $0.fluent.sessions.driver(nil)) }
        app.sessions.configuration.cookieName = AppSettings.sessionCookie
        // Max-Age alone: every browser in use honours it, and formatting an Expires date made a new ICU date formatter
        // on every response (a fifth of the time spent serving a cached page).
        app.sessions.configuration.cookieFactory = { sessionID in
            HTTPCookies.Value(
                string: sessionID.string, maxAge: Int(AppSettings.sessionLifetime),
                path: "/", isSecure: settings.secureCookies, isHTTPOnly: true, sameSite: .lax)
        }
        app.importRunner = ImportRunner()
        app.webhookClient = WebhookClient(app)
        app.lifecycle.use(app.webhookClient)
        if try await ImportJobs.failUnfinished(app.db, server: settings.serverName) > 0 {
            app.logger.warning(
                "Imports left running when this server (\(settings.serverName)) stopped are marked failed.")
        }
        app.routes.defaultMaxBodySize = ByteCount(value: AppRoute.formLimit)
        // A connection that sends nothing for this long (headers begun and never finished, or a kept-alive connection
        // left open) is closed, so idle connections cannot pile up. One that trickles a byte at a time is the front
        // proxy's to cut off (nginx client_header_timeout, HAProxy timeout http-request): see the README.
        app.http.server.configuration.idleTimeout = .seconds(Int64(settings.idleTimeoutSeconds))

        app.middleware = Middlewares()
        ServerMetrics.bootstrap()
        app.middleware.use(
            HealthCheckMiddleware(
                serverName: settings.serverName,
                expectedMigrations: (Storage.migrations + [SessionRecord.migration]).map(\.name),
                metricsFrom: settings.metricsFrom,
                connections: settings.database.connectionsPerEventLoop * System.coreCount))
        // Before the session is read, since a kept answer needs no query at all; and before the security headers,
        // which it keeps with the rest.
        // On PostgreSQL what is committed is read over a connection of the watch's own (`CommitWatch`), closed with the
        // server.
        if case .postgres(let url) = settings.database,
            let watch = CommitWatch(url: url, on: app.eventLoopGroup.any(), logger: app.logger)
        {
            app.keptAnswers = KeptAnswers(settings.database) { try await watch.snapshot() }
            app.lifecycle.use(ClosingWatch(watch: watch))
        } else {
            app.keptAnswers = KeptAnswers(settings.database) { nil }
        }
        app.middleware.use(KeptAnswerMiddleware(kept: app.keptAnswers))
        // Outside the error pages, so they carry the headers too.
        app.middleware.use(
            SecurityHeadersMiddleware(
                overTLS: settings.secureCookies || settings.publicURL.lowercased().hasPrefix("https://")))
        app.middleware.use(PageErrorMiddleware())
        app.middleware.use(app.sessions.middleware)
        app.middleware.use(CurrentActorMiddleware())
        app.middleware.use(SetupGateMiddleware(setup: SetupState()))
        app.middleware.use(MethodNotAllowedMiddleware())

        // Each route joins its access group (open, page or API) as it is registered: see `AppRoutes`.
        let routes = AppRoutes(base: app.routes)
        // One relying party per provider, each keeping its discovery document and keys between sign-ins.
        app.openIDProviders = Dictionary(
            uniqueKeysWithValues: settings.signIn.providers.map {
                ($0.name, OpenIDProvider(settings: $0, http: app.http.client.shared))
            })
        let collections: [any AppRouteCollection] = [
            AccountController(), SignInController(), HomeController(), PortfolioController(), DashboardController(),
            ProjectController(),
            ChangesController(), APIController(), APIReturnController(), APICycleController(), APIStructureController(),
            APIAccountController(), APIGlossaryController(), APIDependencyController(), APIRiskController(),
            APIBusinessCaseController(),
            APIFundingRoundController(), APIOutcomeController(), APIDeliverableController(), APIMeetingController(),
            APIRegisterScopeController(), APIImportController(), WebhookController(), SignInGroupController(),
            TokenController(),
            UserAdminController(),
            CycleController(), ImportController(), GlossaryController(), BusinessCaseController(),
            FundingRoundController(),
            RegisterScopeController(), RiskController(),
            DeliverableController(), MeetingController(), OutcomeController(), PaperController(),
        ]
        for collection in collections { try collection.boot(routes: routes) }
        if let interval = settings.deliveryIntervalSeconds { app.lifecycle.use(OutboxWorker(interval: interval)) }
        _ = app.backgroundWork
        routes.get(.stylesheet) { _ in
            Response(
                status: .ok,
                headers: ["Content-Type": "text/css; charset=utf-8", "Cache-Control": "public, max-age=3600"],
                body: .init(string: Stylesheet.css))
        }
    }
}
