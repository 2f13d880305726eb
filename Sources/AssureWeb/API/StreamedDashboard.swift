import AssureCore
import AssureOutput
import AssureStorage
import Vapor

extension Request {
    /// A published period's whole-portfolio dashboard as JSON written while it is read: the frame from the period's
    /// summary, then each programme's rows in turn (each read by index), so the first bytes leave at once and memory
    /// holds one programme, whatever the portfolio's size. The bytes are those of the dashboard built whole.
    /// Nil where the dashboard is small enough to be built whole (and kept), or is not one that streams.
    func streamedDashboard(_ kind: ReportKind, periodID: UUID) async throws -> Response? {
        guard DashboardJSONFrame.streams(kind) else { return nil }
        let reader = try await readership()
        guard let summary = try await Reports.publishedSummary(db, periodID: periodID, for: reader),
            summary.counts.reduce(0, { $0 + $1.count }) >= settings.streamDashboardsFromProjects
        else { return nil }
        let frame = try DashboardJSONFrame(kind, summary: summary)
        let db = self.db
        let body = Response.Body(asyncStream: { writer in
            do {
                for (table, part) in frame.parts.dropLast().enumerated() {
                    try await writer.writeBuffer(ByteBuffer(string: part))
                    var first = true
                    for programme in summary.programmes {
                        let report = try await Reports.report(
                            db, periodID: periodID, programme: programme.programme.id, for: reader)
                        let rows = kind.tables(report)[table].rows
                        try await writer.writeBuffer(
                            ByteBuffer(string: try DashboardJSONFrame.rows(rows, first: &first)))
                    }
                }
                try await writer.writeBuffer(ByteBuffer(string: frame.parts.last ?? ""))
                try await writer.write(.end)
            } catch {
                // The status has gone: the connection is closed mid-document, which a client sees as truncated JSON.
                try await writer.write(.error(error))
            }
        })
        return Response(status: .ok, headers: ["Content-Type": OutputFormat.json.contentType], body: body)
    }
}
