/// What one column of an imported table becomes.
public enum ColumnTarget: Hashable, Codable, Sendable {
    case field(ImportField)
    /// Kept on the project as a custom attribute named by the header; nil kind: read from the values.
    case attribute(AttributeKind?)
    case ignore

    /// "rating", "milestone-date", "attribute", "attribute:money", "ignore": as the CLI and a saved mapping write it.
    public init?(text: String) {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
        if key == "ignore" { self = .ignore; return }
        if key == "attribute" { self = .attribute(nil); return }
        if key.hasPrefix("attribute:") {
            guard let kind = AttributeKind(rawValue: String(key.dropFirst("attribute:".count))) else { return nil }
            self = .attribute(kind)
            return
        }
        guard let field = ImportField(rawValue: key) else { return nil }
        self = .field(field)
    }

    public var text: String {
        switch self {
        case .field(let field): field.rawValue
        case .attribute(nil): "attribute"
        case .attribute(let kind?): "attribute:\(kind.rawValue)"
        case .ignore: "ignore"
        }
    }

    /// Every choice a column can take, for the mapping form and the README.
    public static var choices: [ColumnTarget] {
        ImportField.allCases.map { .field($0) } + [.attribute(nil)] + AttributeKind.allCases.map { .attribute($0) } + [
            .ignore
        ]
    }

    public var title: String {
        switch self {
        case .field(let field): field.title
        case .attribute(nil): "Custom attribute (type from the values)"
        case .attribute(let kind?): "Custom attribute (\(kind.rawValue))"
        case .ignore: "Ignore this column"
        }
    }
}

/// Which row holds the headers and what each column becomes. Assure guesses it from the header words; the user may
/// change any column, and a mapping saved by name is applied by header, so it fits next month's file too.
public struct ImportMapping: Hashable, Sendable {
    /// The table row (as numbered in the file) that holds the headers.
    public var headerRow: Int
    public var headers: [String]
    public var targets: [ColumnTarget]

    public init(headerRow: Int, headers: [String], targets: [ColumnTarget]) {
        self.headerRow = headerRow
        self.headers = headers
        self.targets = targets
    }

    /// The first row, among the first twenty, that names at least two known fields is the header (papers put titles
    /// above their tables); failing that, the first row with any text. Each field goes to the first column naming it;
    /// a later column naming it again, and every unknown column, becomes a custom attribute.
    public static func guess(_ table: ImportTable) -> ImportMapping? {
        let candidates = table.rows.prefix(20)
        let header =
            candidates.first { row in
                Set(row.cells.compactMap { ImportField.recognise($0.text) }).count >= 2
            } ?? candidates.first { row in row.cells.contains { !$0.isBlank } }
        guard let header else { return nil }
        let names = trimmedHeaders(header)
        var claimed: Set<ImportField> = []
        let targets: [ColumnTarget] = names.map { name in
            if name.isEmpty { return .ignore }
            if let field = ImportField.recognise(name), !claimed.contains(field) {
                claimed.insert(field)
                return .field(field)
            }
            return .attribute(nil)
        }
        return ImportMapping(headerRow: header.number, headers: names, targets: targets)
    }

    /// Header texts without the empty cells a pasted table leaves after its last column.
    public static func trimmedHeaders(_ row: ImportTable.Row) -> [String] {
        var names = row.cells.map { $0.text.trimmed(newlines: true) }
        while names.last?.isEmpty == true { names.removeLast() }
        return names
    }

    /// The column a user means by a header name (any case) or a spreadsheet letter ("F").
    public func column(named name: String) -> Int? {
        let wanted = name.trimmingCharacters(in: .whitespaces)
        if let index = headers.firstIndex(where: { $0.caseInsensitiveCompare(wanted) == .orderedSame }) { return index }
        if let index = headers.firstIndex(where: {
            ImportField.normalise($0) == ImportField.normalise(wanted) && !wanted.isEmpty
        }) {
            return index
        }
        return headers.indices.first { columnLetter($0) == wanted.uppercased() }
    }

    /// Applies "COLUMN=FIELD" choices. Each bad one is named; nothing is applied unless all are good.
    public func applying(_ choices: [String]) -> Result<ImportMapping, ImportProblems> {
        var mapping = self
        var problems: [ImportProblem] = []
        for choice in choices {
            let parts = choice.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                problems.append(ImportProblem(row: nil, column: nil, "“\(choice)” should read COLUMN=FIELD."))
                continue
            }
            guard let column = mapping.column(named: parts[0]) else {
                problems.append(
                    ImportProblem(
                        row: nil, column: nil,
                        "There is no column “\(parts[0])”; the columns are \(headers.filter { !$0.isEmpty }.joined(separator: ", "))."
                    ))
                continue
            }
            guard let target = ColumnTarget(text: parts[1]) else {
                problems.append(
                    ImportProblem(
                        row: nil, column: column, header: headers[column],
                        "“\(parts[1])” is not a field; use one of \(ColumnTarget.choices.map(\.text).joined(separator: ", "))."
                    ))
                continue
            }
            mapping.targets[column] = target
        }
        return problems.isEmpty ? .success(mapping) : .failure(ImportProblems(problems))
    }

    /// A saved mapping (header → choice) applied to this table's headers; headers it does not know keep the guess.
    public func applying(saved: [String: String]) -> ImportMapping {
        var mapping = self
        for (index, header) in headers.enumerated() {
            if let text = saved[header]
                ?? saved.first(where: { ImportField.normalise($0.key) == ImportField.normalise(header) })?.value,
                let target = ColumnTarget(text: text)
            {
                mapping.targets[index] = target
            }
        }
        return mapping
    }

    /// Header → choice, as a mapping is saved.
    public var saved: [String: String] {
        var result: [String: String] = [:]
        for (header, target) in zip(headers, targets) where !header.isEmpty { result[header] = target.text }
        return result
    }

    public func columns(for field: ImportField) -> [Int] {
        targets.indices.filter { targets[$0] == .field(field) }
    }

    /// A field mapped to two columns, or neither a project nor a reference column: the table cannot be read.
    public var problems: [ImportProblem] {
        var problems: [ImportProblem] = []
        for field in ImportField.allCases {
            let columns = columns(for: field)
            if columns.count > 1 {
                problems.append(
                    ImportProblem(
                        row: headerRow, column: columns[1], header: headers[columns[1]],
                        "\(field.title) is already read from column \(columnLetter(columns[0])) “\(headers[columns[0]])”."
                    ))
            }
        }
        if columns(for: .project).isEmpty && columns(for: .reference).isEmpty {
            problems.append(
                ImportProblem(
                    row: headerRow, column: nil,
                    "No column is mapped to the project or its reference, so no row can be matched to a project."))
        }
        return problems
    }
}
