import AssureApp
import AssureCore
import AssureInterchange
import AssureStorage
import Vapor

/// What the PMO chose for an import: the period it reports on, the sheet, the mapping (a saved one by name, or a field
/// per column), and whether to keep off-scale ratings and publish the period as history.
struct ImportOptions: Sendable {
    var period = ""
    var sheet: String?
    var savedMapping = ""
    var columns: [String]?
    var keepOffScale = false
    var publish = false
    var saveAs = ""
}

/// An import's two steps, shared by the page and the API: read a kept upload with the options into a preview, and
/// start the import a clean preview describes.
enum ImportPreparation {
    enum Outcome {
        /// No upload under that token for this user and portfolio: never made, or expired.
        case missing
        /// The upload cannot be read as a table: why, by row and column where there is one.
        case unreadable([ImportProblem])
        case ready(ImportPreviewModel)
    }

    /// The portfolio, if the actor is the PMO, who alone imports.
    static func managedPortfolio(_ req: Request, id: UUID) async throws -> PortfolioSummary {
        guard try req.requireActor().canManagePortfolio else {
            throw DomainError.forbidden("only the PMO (admin) imports into a portfolio")
        }
        return try await Catalogue.portfolio(req.db, id: id)
    }

    /// Keeps an upload (a file, or pasted text when `filename` is nil) for an hour, for its owner; returns its token.
    static func keep(_ req: Request, portfolioID: UUID, filename: String?, data: Data) async throws -> String {
        try await ImportDrafts.keep(
            req.db,
            .init(
                owner: try req.requireActor().userID, portfolioID: portfolioID, filename: filename, data: data,
                isPasted: filename == nil, created: req.now))
    }

    static func read(_ draft: ImportDraft) -> Result<ImportFile.Contents, ImportProblems> {
        Result { () throws(ImportProblems) -> ImportFile.Contents in
            if draft.isPasted { return try ImportFile.contents(pasted: String(decoding: draft.data, as: UTF8.self)) }
            return try ImportFile.read(draft.data, filename: draft.filename)
        }
    }

    /// Reads the upload kept under `token` with the options into a plan: what would change, and every problem.
    static func prepare(
        _ req: Request, portfolio: PortfolioSummary, token: String, _ options: ImportOptions
    ) async throws -> Outcome {
        let actor = try req.requireActor()
        guard
            let draft = try await ImportDrafts.draft(
                req.db, token: token, owner: actor.userID, portfolioID: portfolio.info.id, now: req.now)
        else { return .missing }
        let contents: ImportFile.Contents
        switch read(draft) {
        case .success(let read): contents = read
        case .failure(let problems): return .unreadable(problems.problems)
        }
        let table = contents.tables.first { $0.sheet == options.sheet } ?? contents.tables[0]
        guard var mapping = ImportMapping.guess(table) else {
            return .unreadable([ImportProblem(row: nil, column: nil, "The table has no header row.")])
        }
        let saved = try await Imports.savedMappings(req.db, portfolioID: portfolio.info.id)
        if !options.savedMapping.isEmpty {
            mapping = mapping.applying(
                saved: try await Imports.savedMapping(
                    req.db, portfolioID: portfolio.info.id, name: options.savedMapping))
        } else if let columns = options.columns, columns.count == mapping.headers.count {
            for (index, text) in columns.enumerated() {
                if let target = ColumnTarget(text: text) { mapping.targets[index] = target }
            }
        }
        let context = try await Imports.context(
            req.db, portfolioID: portfolio.info.id, keepOffScaleRatings: options.keepOffScale)
        let plan = ImportReader.read(table, mapping: mapping, context: context)
        var errors: [String: String] = [:]
        let period = options.period.trimmingCharacters(in: .whitespaces)
        if !period.isEmpty, PeriodKey(period) == nil { errors["period"] = "Write the period as YYYY-MM, e.g. 2016-11." }
        return .ready(
            ImportPreviewModel(
                portfolio: portfolio.info, token: token, filename: draft.filename,
                sheets: contents.tables.compactMap(\.sheet), sheet: table.sheet, period: period,
                keepOffScale: options.keepOffScale, publish: options.publish, savedMappings: saved,
                savedMapping: options.savedMapping, saveAs: options.saveAs, notes: contents.notes, plan: plan,
                samples: table.firstValues(below: mapping.headerRow, columns: mapping.headers.count), errors: errors))
    }

    /// Starts the import a preview describes, in the background, and returns its job's id. Refused (`.invalid`, by
    /// field, or by row and column) while the plan has errors or the period is missing or not a month, and refused as
    /// the import itself would be for a closed or published period, before any work.
    static func start(_ req: Request, _ model: ImportPreviewModel) async throws -> UUID {
        let actor = try req.requireActor()
        guard model.plan.isClean else {
            throw DomainError.invalid(ImportPreparation.byPlace(model.plan.errors))
        }
        var errors = model.errors
        if errors["period"] == nil, PeriodKey(model.period) == nil {
            if model.publish {
                errors["period"] = "Publishing as history needs the period the table reports on, as YYYY-MM."
            } else if model.plan.returnCount > 0 {
                errors["period"] = "The table has ratings or updates: give the period they report on, as YYYY-MM."
            }
        }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        try await Imports.requireImportable(req.db, portfolioID: model.portfolio.id, periodKey: model.period)
        let saveAs = model.saveAs.trimmingCharacters(in: .whitespaces)
        if !saveAs.isEmpty {
            try await Imports.saveMapping(
                req.db, actor, portfolioID: model.portfolio.id, name: saveAs, columns: model.plan.mapping.saved)
        }
        let (db, plan, portfolioID) = (req.application.db, model.plan, model.portfolio.id)
        let period = model.period.isEmpty ? nil : model.period
        let (publish, source) = (model.publish, model.filename ?? "pasted table")
        try await ImportDrafts.forget(req.db, token: model.token)
        return try await req.application.importRunner.start(
            req.application, owner: actor.userID, portfolioID: portfolioID, total: plan.allProjects.count
        ) { progress in
            let outcome = try await Imports.apply(
                db, actor, portfolioID: portfolioID, periodKey: period, plan: plan, source: source, publish: publish,
                progress: progress)
            try await PeriodLifecycle.refitForecast(db, after: outcome, portfolioID: portfolioID)
            return outcome
        }
    }

    /// Problems as an error map names fields: "Row 4, column C (Rating)" (or "File") → what is wrong there.
    static func byPlace(_ problems: [ImportProblem]) -> [String: String] {
        Dictionary(problems.map { ($0.place.isEmpty ? "File" : $0.place, $0.message) }) { $0 + " " + $1 }
    }
}
