import Foundation
import OpenAPIKit

/// Imports: upload, preview (as often as need be), apply, and the job's progress.
extension OpenAPIDocument {
    static let imports: [Operation] = [
        Operation(
            route: .apiImports, method: .POST,
            summary: "Upload a file (or a table as text) to import into a portfolio, and read its preview (the PMO)",
            query: [
                (
                    "filename", .string(minLength: 1, maxLength: 255, pattern: "^[^/\\u0000]+$"),
                    "The file's name; its extension says how to read it (.xlsx, .csv, .tsv). Without it, a pasted table"
                )
            ], creates: true, upload: true, response: .one(APIImportPreview.self)),
        Operation(
            route: .apiImport, method: .GET, summary: "An upload's preview with the columns as guessed",
            response: .one(APIImportPreview.self)),
        Operation(
            route: .apiImportPreview, method: .POST,
            summary: "An upload's preview with the period, sheet and mapping chosen (nothing is written)",
            body: APIImportOptions.self, response: .one(APIImportPreview.self)),
        Operation(
            route: .apiImportApply, method: .POST,
            summary: "Import a clean preview in the background (the PMO; all or nothing); 422 names each problem",
            body: APIImportOptions.self, accepted: true, response: .one(APIImportJob.self)),
        Operation(
            route: .apiImportJob, method: .GET, summary: "An import's progress and outcome (whoever started it)",
            response: .one(APIImportJob.self)),
    ]
}
