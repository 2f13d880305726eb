/// Reads a table with a mapping into an import plan, the way a PMO reads a paper's table:
/// a blank programme or project cell continues the row above, so the row adds milestones (and their ratings) to it;
/// "a)" or "B)" starts a sub-item of the project above; a header row repeated further down is skipped.
public struct ImportReader {
    let table: ImportTable
    let mapping: ImportMapping
    let context: ImportContext
    var problems: [ImportProblem] = []
    var projects: [ImportedProject] = []
    var currentProgramme: String?
    /// Where the rows are writing: the last project, and the sub-item inside it if any.
    var current: (project: Int, child: Int?)?
    var attributeCells: [Int: [(row: Int, cell: TableCell)]] = [:]
    /// Set when the current project's row carried an extra description cell: the rows continuing it are shifted too.
    var continuationsShifted = false

    public static func read(_ table: ImportTable, mapping: ImportMapping, context: ImportContext) -> ImportPlan {
        var reader = ImportReader(table: table, mapping: mapping, context: context)
        reader.problems = mapping.problems.map {
            var p = $0; p.sheet = table.sheet; return p
        }
        // Row by row, each built as it is read and dropped after: a table is held packed, never whole and dense.
        var dataRows = 0
        for row in table.rows where row.number > mapping.headerRow {
            if row.cells.contains(where: { !$0.isBlank }) { dataRows += 1 }
            reader.read(row)
        }
        reader.rateFirstMilestones()
        let kinds = reader.readAttributes()
        reader.matchKnownProjects()
        reader.checkDuplicates()
        let known = Set(context.programmes.map { $0.lowercased() })
        var newProgrammes: [String] = []
        for project in reader.projects where project.match == .new {
            if let name = project.programme, !known.contains(name.lowercased()), !newProgrammes.contains(name) {
                newProgrammes.append(name)
            }
        }
        return ImportPlan(
            mapping: mapping, projects: reader.projects, newProgrammes: newProgrammes, attributeKinds: kinds,
            problems: reader.problems.sorted { ($0.row ?? 0, $0.column ?? -1) < ($1.row ?? 0, $1.column ?? -1) },
            dataRows: dataRows)
    }

    func text(_ row: ImportTable.Row, _ field: ImportField) -> String? {
        guard let column = mapping.columns(for: field).first else { return nil }
        let value = row[column].text.trimmed(newlines: true)
        return value.isEmpty ? nil : value
    }

    mutating func problem(_ row: ImportTable.Row, _ field: ImportField?, _ message: String, blocking: Bool = true) {
        let column = field.flatMap { mapping.columns(for: $0).first }
        problems.append(
            ImportProblem(
                sheet: table.sheet, row: row.number, column: column,
                header: column.map { mapping.headers[$0] }, message, isBlocking: blocking))
    }

    mutating func read(_ original: ImportTable.Row) {
        guard original.cells.contains(where: { !$0.isBlank }) else { return }
        if ImportMapping.trimmedHeaders(original) == mapping.headers { return }
        var row = realign(original)
        if row.cells.last?.text.hasPrefix(Self.descriptionMarker) == true {
            continuationsShifted = true
        } else if let project = mapping.columns(for: .project).first, !row[project].isBlank {
            continuationsShifted = false
        } else if continuationsShifted, let project = mapping.columns(for: .project).first,
            row.cells.count > project + 1,
            row[project + 1].isBlank
        {
            row.cells.remove(at: project + 1)
        }
        for (index, cell) in row.cells.enumerated() {
            // (counting characters walks the text: the byte count, known at once, rules out nearly every cell first)
            if case .text(let value) = cell, value.utf8.count > 20_000, value.count > 20_000 {
                problems.append(
                    ImportProblem(
                        sheet: table.sheet, row: row.number, column: index, header: mapping.headers[safe: index],
                        "This cell holds \(value.count) characters; the limit is 20,000."))
                row.cells[index] = .text(String(value.prefix(20_000)))
            }
        }
        if let programme = text(row, .programme), programme != currentProgramme {
            currentProgramme = programme
            current = nil
        }
        let title = text(row, .project)
        let reference = text(row, .reference)
        if title != nil || reference != nil {
            startProject(row, title: title, reference: reference)
        } else if current == nil {
            if text(row, .milestone) != nil || text(row, .milestoneDate) != nil || text(row, .rating) != nil
                || text(row, .update) != nil
            {
                problem(row, .project, "This row has no project, and no project above it to continue.")
            }
            return
        }
        fill(row, isFirst: title != nil || reference != nil)
    }

    /// Two shapes that text copied out of a Word or PDF table takes, each read and reported as a warning:
    /// a description cell squeezed in after the project, which pushes the row one column right; and a wrapped
    /// milestone whose title and date land in the first two columns.
    func realign(_ row: ImportTable.Row) -> ImportTable.Row {
        guard let project = mapping.columns(for: .project).first,
            let milestone = mapping.columns(for: .milestone).first,
            let date = mapping.columns(for: .milestoneDate).first
        else { return row }
        func readsAsDate(_ cell: TableCell) -> Bool {
            if case .date = cell { return true }
            return DateText(cell.text).parsed != nil
        }
        var cells = row.cells
        while cells.last?.isBlank == true { cells.removeLast() }
        if milestone == project + 1, date == milestone + 1, cells.count > mapping.headers.count,
            !row[project].isBlank, !row[date].isBlank, !readsAsDate(row[date]), readsAsDate(row[date + 1])
        {
            return ImportTable.Row(
                number: row.number,
                cells: Array(row.cells.prefix(project + 1)) + Array(row.cells.dropFirst(project + 2)) + [
                    .text(ImportReader.descriptionMarker + row[project + 1].text)
                ])
        }
        if let programme = mapping.columns(for: .programme).first, programme + 1 == project, !row[programme].isBlank,
            row[project].isBlank, readsAsDate(row[milestone]), row[date].isBlank,
            !row.cells.enumerated().contains(where: { $0.offset > milestone && !$0.element.isBlank })
        {
            var shifted = Array(repeating: TableCell.empty, count: max(cells.count, date + 1))
            shifted[milestone] = row[programme]
            shifted[date] = row[milestone]
            return ImportTable.Row(number: row.number, cells: shifted + [.text(ImportReader.wrappedMarker)])
        }
        return row
    }

    static let descriptionMarker = "\u{1}description:"
    static let wrappedMarker = "\u{1}wrapped"
}

public extension Array {
    /// The element at the index, or nil past either end.
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
