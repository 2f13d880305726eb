import AssureApp
import AssureCore
import AssureInterchange
import AssureOutput
import AssureStorage
import Foundation
import Vapor

/// The monthly return round-tripped through Excel.
extension CycleController {
    /// The period's return as a workbook: the reader's projects (or one programme's), prefilled.
    func downloadWorkbook(req: Request) async throws -> Response {
        let actor = try req.requireActor()
        let programme = try req.queryID("programme")
        let contents = try await ReturnWorkbooks.contents(
            req.db, actor, periodID: try req.uuid("period"), programmeID: programme)
        guard !contents.lines.isEmpty else { throw DomainError.forbidden("\(actor.name) writes no returns here") }
        let audience = programme == nil ? actor.name : contents.lines.first?.programme ?? actor.name
        let workbook = ReturnWorkbook.build(
            portfolio: contents.portfolio, period: contents.period, due: contents.due,
            audience: audience, rows: contents.lines)
        let name =
            "returns-\(contents.period.key)-\(audience.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: "-"))"
        return Response(
            status: .ok,
            headers: [
                "Content-Type": TableDownload.xlsx.contentType,
                "Content-Disposition": "attachment; filename=\"\(name).xlsx\"",
            ],
            body: .init(data: try XLSXWriter.write(workbook)))
    }

    /// A filled-in workbook: every row checked, then all submitted in one transaction, or none with the reasons.
    func uploadWorkbook(req: Request) async throws -> Response {
        let periodID = try req.uuid("period")
        let actor = try req.requireActor()
        let programmes = try await Returns.tracking(req.db, periodID: periodID).programmes.map(\.programme.id)
        guard programmes.contains(where: actor.canEdit(programme:)) else {
            throw DomainError.forbidden("\(actor.name) writes no returns here")
        }
        struct Upload: Content { var file: File? }
        guard let file = try req.content.decode(Upload.self).file, file.data.readableBytes > 0 else {
            return try await trackingPage(
                req, periodID: periodID, returned: nil,
                uploadProblems: [ImportProblem(row: nil, column: nil, "Choose the filled-in workbook to upload.")])
        }
        guard case let (portfolio, period)? = try await Catalogue.portfolio(req.db, containingPeriod: periodID) else {
            throw DomainError.notFound("reporting period")
        }
        let scale = portfolio.info.scale
        let handedOut = try await ReturnWorkbooks.handedOut(req.db, actor, periodID: periodID)
        let result = Result { () throws(ImportProblems) -> [UploadedReturn] in
            try ReturnWorkbook.read(
                try ImportFile.read(Data(buffer: file.data), filename: file.filename).tables,
                scale: scale, handedOut: handedOut
            ).get()
        }
        do {
            let uploads = try result.get()
            let count = try await ReturnWorkbooks.apply(
                req.db, actor, periodID: periodID, uploads: uploads, sheet: ReturnWorkbook.sheetName,
                links: req.settings.noticeLinks)
            return req.redirect(
                to: Link.returnsTracking(period: periodID).path,
                notice: "\(Wording.counted(count, "return")) submitted from the workbook for \(period.label)"
                    + "; \(Wording.counted(uploads.count - count, "row")) left as handed out.")
        } catch let problems as ImportProblems {
            return try await trackingPage(req, periodID: periodID, returned: nil, uploadProblems: problems.problems)
        }
    }
}
