import AssureCore
import Foundation

/// Imports: upload, preview (as often as need be), apply, and the job's progress.
extension OpenAPIDocument {
    nonisolated(unsafe) static let imports: [Operation] = [
        Operation(
            route: .apiImports, method: .POST,
            summary: "Upload a file (or a table as text) to import into a portfolio, and read its preview (the PMO)",
            query: [
                (
                    "filename", ["type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[^/\\u0000]+$"],
                    "The file's name; its extension says how to read it (.xlsx, .csv, .tsv). Without it, a pasted table"
                )
            ], creates: true, upload: true, response: Schema.ref("ImportPreview")),
        Operation(
            route: .apiImport, method: .GET, summary: "An upload's preview with the columns as guessed",
            response: Schema.ref("ImportPreview")),
        Operation(
            route: .apiImportPreview, method: .POST,
            summary: "An upload's preview with the period, sheet and mapping chosen (nothing is written)",
            body: "ImportOptions", response: Schema.ref("ImportPreview")),
        Operation(
            route: .apiImportApply, method: .POST,
            summary: "Import a clean preview in the background (the PMO; all or nothing); 422 names each problem",
            body: "ImportOptions", accepted: true, response: Schema.ref("ImportJob")),
        Operation(
            route: .apiImportJob, method: .GET, summary: "An import's progress and outcome (whoever started it)",
            response: Schema.ref("ImportJob")),
    ]
}

extension Schema {
    nonisolated(unsafe) static let importComponents: [String: Node] = [
        "ImportOptions": input(
            [:],
            optional: [
                "period": ["type": "string", "description": "The month the table reports on, YYYY-MM"],
                "sheet": string, "mapping": ["type": "string", "description": "A saved mapping's name"],
                "columns": [
                    "type": "array", "items": string,
                    "description": "A field per column, in order, as the preview's columns[].field names them",
                ],
                "keepOffScaleRatings": boolean, "publish": boolean, "saveMappingAs": string,
            ]),
        "ImportPreview": object(
            [
                "id": uuid, "portfolioID": uuid, "sheets": array(string), "period": string,
                "columns": array(
                    object(["header": string, "field": oneOf(ColumnTarget.choices.map(\.text)), "sample": string])),
                "problems": array(
                    object(
                        ["message": string, "blocking": boolean],
                        optional: ["sheet": string, "row": integer, "column": string, "header": string])),
                "clean": boolean, "newProjects": integer, "updatedProjects": integer, "returns": integer,
                "newProgrammes": array(string), "savedMappings": array(string), "notes": array(string),
                "errors": map(string),
            ], optional: ["filename": string, "sheet": string]),
        "ImportJob": object(
            [
                "id": uuid, "portfolioID": uuid, "state": oneOf(["running", "finished", "failed"]),
                "done": integer, "total": integer,
            ],
            optional: [
                "failure": string,
                "outcome": object(
                    [
                        "periodCreated": boolean, "createdProgrammes": integer, "createdProjects": integer,
                        "updatedProjects": integer, "returnsWritten": integer, "attributesWritten": integer,
                    ], optional: ["periodKey": string]),
            ]),
    ]
}
