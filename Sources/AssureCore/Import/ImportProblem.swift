/// Something wrong with an imported file, named by where it is: sheet, row and column as the user sees them.
public struct ImportProblem: Hashable, Sendable, Error, Codable {
    public var sheet: String?
    /// As numbered in the file (1-based); nil for the file as a whole.
    public var row: Int?
    /// 0-based column; shown as its letter and header.
    public var column: Int?
    public var header: String?
    public var message: String
    /// A warning is shown in the preview but does not stop the import; an error does.
    public var isBlocking: Bool

    public init(
        sheet: String? = nil, row: Int?, column: Int?, header: String? = nil, _ message: String, isBlocking: Bool = true
    ) {
        self.sheet = sheet
        self.row = row
        self.column = column
        self.header = header
        self.message = message
        self.isBlocking = isBlocking
    }

    /// "Sheet Return, row 12, column F (RAG)".
    public var place: String {
        var parts: [String] = []
        if let sheet { parts.append("sheet \(sheet)") }
        if let row { parts.append("row \(row)") }
        if let column {
            parts.append("column \(columnLetter(column))" + (header.map { $0.isEmpty ? "" : " (\($0))" } ?? ""))
        }
        let text = parts.joined(separator: ", ")
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    public var description: String { place.isEmpty ? message : "\(place): \(message)" }
}

/// Every problem found, so the user can fix them all at once.
public struct ImportProblems: Error, Sendable, CustomStringConvertible {
    public var problems: [ImportProblem]
    public init(_ problems: [ImportProblem]) { self.problems = problems }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
