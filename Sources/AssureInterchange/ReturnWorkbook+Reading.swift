import AssureCore
import Foundation

extension ReturnWorkbook {
    /// Reads the Returns sheet of an uploaded workbook. Every problem is collected; none of the returns is usable
    /// unless there are none.
    /// A row still as it was handed out (`handedOut`, by project) is not checked: it is not a return, and keeps what
    /// Assure holds, a legacy value off the scale included.
    public static func read(
        _ tables: [ImportTable], scale: RatingScale,
        handedOut: [UUID: ReturnForm] = [:]
    ) -> Result<[UploadedReturn], ImportProblems> {
        guard let sheet = tables.first(where: { $0.sheet == sheetName }) else {
            return .failure(
                ImportProblems([
                    ImportProblem(
                        row: nil, column: nil,
                        "The workbook has no sheet called \(sheetName): upload the workbook Assure gave you.")
                ]))
        }
        guard let header = sheet.rows.first(where: { $0.number == 1 }) else {
            return .failure(
                ImportProblems([ImportProblem(sheet: sheetName, row: 1, column: nil, "The header row is missing.")]))
        }
        let headers = ImportMapping.trimmedHeaders(header)
        var problems: [ImportProblem] = []
        for (index, expected) in fixedHeaders.enumerated() where headers[safe: index] != expected {
            problems.append(
                ImportProblem(
                    sheet: sheetName, row: 1, column: index, header: headers[safe: index],
                    "This header should read “\(expected)”: the columns were moved or renamed."))
        }
        guard problems.isEmpty else { return .failure(ImportProblems(problems)) }
        let milestoneCount = (headers.count - fixedHeaders.count) / 3
        var uploads: [UploadedReturn] = []
        var seen: [UUID: Int] = [:]
        for row in sheet.rows where row.number > 1 && row.cells.contains(where: { !$0.isBlank }) {
            func problem(_ column: Int?, _ message: String) {
                problems.append(
                    ImportProblem(
                        sheet: sheetName, row: row.number, column: column, header: column.flatMap { headers[safe: $0] },
                        message))
            }
            guard let id = UUID(uuidString: row[idColumn].text.trimmingCharacters(in: .whitespaces)) else {
                problem(
                    idColumn, "The hidden Assure ID is missing or changed, so this row cannot be matched to a project.")
                continue
            }
            if let first = seen[id] { problem(idColumn, "This project is also in row \(first)."); continue }
            seen[id] = row.number
            let version = CellValues.number(row[versionColumn]).map { Int($0) }
            if version == nil { problem(versionColumn, "The hidden version is missing or changed.") }
            let milestones = (0..<milestoneCount).map { index in
                let first = fixedHeaders.count + 3 * index
                let rating = row[first + 2].text
                return MilestoneLine(
                    title: row[first].text, date: row[first + 1].text, rating: rating.isEmpty ? nil : rating)
            }
            let form = ReturnForm(
                rating: row[ratingColumn].text, update: row[updateColumn].text, mitigation: row[mitigationColumn].text,
                milestones: milestones, baseVersion: version ?? -1)
            let unchanged = handedOut[id].map(form.isUnchanged(from:)) ?? false
            for (field, message) in unchanged ? [] : form.validate(on: scale).sorted(by: { $0.key < $1.key }) {
                problem(column(forField: field), message)
            }
            uploads.append(UploadedReturn(row: row.number, projectID: id, form: form))
        }
        if uploads.isEmpty, problems.isEmpty {
            problems.append(ImportProblem(sheet: sheetName, row: nil, column: nil, "The Returns sheet has no rows."))
        }
        return problems.isEmpty ? .success(uploads) : .failure(ImportProblems(problems))
    }

    /// The column a return form's field is in ("rating", "milestones[1].date").
    public static func column(forField field: String) -> Int? {
        switch field {
        case "rating": return ratingColumn
        case "update": return updateColumn
        case "mitigation": return mitigationColumn
        default:
            guard let match = field.firstMatch(of: #/milestones\[(\d+)\]\.(title|date|rating)/#),
                let index = Int(match.1)
            else { return nil }
            return fixedHeaders.count + 3 * index + (match.2 == "date" ? 1 : match.2 == "rating" ? 2 : 0)
        }
    }
}
