import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Vapor

/// The seed dashboards as pages, and as CSV or JSON with ?format=.
struct DashboardController: AppRouteCollection {
    func boot(routes: AppRoutes) throws {
        for kind in ReportKind.allCases {
            routes.get(kind.pageRoute) { try await show($0, kind) }
        }
    }

    func show(_ req: Request, _ kind: ReportKind) async throws -> Response {
        let periodID = try req.uuid("period")
        return try await req.respondingToPublished(periodID: periodID) {
            try await render(req, kind, periodID: periodID)
        }
    }

    private func render(_ req: Request, _ kind: ReportKind, periodID: UUID) async throws -> Response {
        // ?programme= narrows any dashboard to one programme: the SRO's view (and only that programme is read).
        let programme = try req.queryID("programme")
        let report = try await req.report(periodID: periodID, programme: programme)
        if try req.query.get(String?.self, at: "format") == TableDownload.xlsx.rawValue {
            return try req.download(kind.tables(report), as: .xlsx, name: "\(kind.rawValue)-\(report.period.key)")
        }
        let format =
            try req.query.get(String?.self, at: "format").map { text in
                guard let format = OutputFormat(rawValue: text) else {
                    throw Abort(.badRequest, reason: "Unknown format “\(text)”: use html, csv, xlsx or json.")
                }
                return format
            } ?? .html
        if format != .html {
            let filename = "\(kind.rawValue)-\(report.period.key).\(format.rawValue)"
            return Response(
                status: .ok,
                headers: [
                    "Content-Type": format.contentType,
                    "Content-Disposition": "attachment; filename=\"\(filename)\"",
                ],
                body: .init(string: try ReportOutput.render(kind, report, format: format)))
        }
        let portfolio = try await Catalogue.portfolio(req.db, id: report.portfolio.id)
        let model = DashboardPageModel(
            kind: kind, report: report, periods: portfolio.periods,
            canManage: try req.requireActor().canManagePortfolio, programme: programme,
            seesFindings: try await req.readership().seesFindings)
        return req.html(DashboardPage.render(model, req.page("\(kind.title) \(report.period.label)")))
    }
}
