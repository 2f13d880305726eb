import AssureCore
import AssureStorage
import Foundation

/// An upload read with its options: how each column is mapped, every problem by row and column, and what the import
/// would change. `clean` says whether it may be applied.
struct APIImportPreview: Codable, Sendable {
    struct Column: Codable, Sendable {
        let header: String
        /// The field the column is read into, as `--map` and saved mappings name it (`programme`, `rating`,
        /// `attribute:money`, `ignore`…); send these back in `columns` to change the mapping.
        let field: String
        let sample: String
    }

    struct Problem: Codable, Sendable {
        let sheet: String?
        let row: Int?
        /// The column's letter, as a spreadsheet shows it.
        let column: String?
        let header: String?
        let message: String
        /// An error stops the import; a warning does not.
        let blocking: Bool
    }

    let id: UUID
    let portfolioID: UUID
    let filename: String?
    let sheets: [String]
    let sheet: String?
    let period: String
    let columns: [Column]
    let problems: [Problem]
    let clean: Bool
    let newProjects: Int
    let updatedProjects: Int
    let returns: Int
    let newProgrammes: [String]
    let savedMappings: [String]
    let notes: [String]
    /// Problems with the options themselves (`period`).
    let errors: [String: String]

    init(_ model: ImportPreviewModel, id: UUID) {
        self.id = id
        portfolioID = model.portfolio.id
        filename = model.filename
        sheets = model.sheets
        sheet = model.sheet
        period = model.period
        columns = model.plan.mapping.headers.indices.map { index in
            Column(
                header: model.plan.mapping.headers[index], field: model.plan.mapping.targets[index].text,
                sample: index < model.samples.count ? model.samples[index] : "")
        }
        problems = model.plan.problems.map {
            Problem(
                sheet: $0.sheet, row: $0.row, column: $0.column.map(columnLetter), header: $0.header,
                message: $0.message, blocking: $0.isBlocking)
        }
        clean = model.plan.isClean && model.errors.isEmpty
        newProjects = model.plan.newProjectCount
        updatedProjects = model.plan.updatedProjectCount
        returns = model.plan.returnCount
        newProgrammes = model.plan.newProgrammes
        savedMappings = model.savedMappings
        notes = model.notes
        errors = model.errors
    }
}

/// The choices for reading an upload: all optional, as on the preview page. `mapping` names a saved mapping;
/// otherwise `columns` gives a field per column (as `columns[].field` names them), in order.
struct APIImportOptions: Codable, Sendable {
    let period: String?
    let sheet: String?
    let mapping: String?
    let columns: [String]?
    let keepOffScaleRatings: Bool?
    let publish: Bool?
    let saveMappingAs: String?

    var options: ImportOptions {
        ImportOptions(
            period: period ?? "", sheet: sheet, savedMapping: mapping ?? "", columns: columns,
            keepOffScale: keepOffScaleRatings ?? false, publish: publish ?? false, saveAs: saveMappingAs ?? "")
    }
}

/// An import running in the background, and how it ended.
struct APIImportJob: Codable, Sendable {
    let id: UUID
    let portfolioID: UUID
    let state: String
    let done: Int
    let total: Int
    let outcome: ImportOutcome?
    let failure: String?

    init(_ job: ImportJob) {
        id = job.id
        portfolioID = job.portfolioID
        state = job.outcome != nil ? "finished" : job.failure != nil ? "failed" : "running"
        done = job.done
        total = job.total
        outcome = job.outcome
        failure = job.failure
    }
}

extension APIImportPreview.Column: SchemaRefined {
    static let refinements: [String: Refinement] = ["field": .oneOf(ColumnTarget.choices.map(\.text))]
}

extension APIImportOptions: SchemaRefined {
    static let refinements: [String: Refinement] = [
        "period": .described("The month the table reports on, YYYY-MM"),
        "mapping": .described("A saved mapping's name"),
        "columns": .described("A field per column, in order, as the preview's columns[].field names them"),
    ]
}

extension APIImportJob: SchemaRefined {
    static let refinements: [String: Refinement] = ["state": .oneOf(["running", "finished", "failed"])]
}
