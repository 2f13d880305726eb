extension ImportReader {
    mutating func startProject(_ row: ImportTable.Row, title: String?, reference: String?) {
        var name = title
        var isSubItem = false
        if let title, let marker = Self.subItemMarker(title) {
            name = String(title.dropFirst(marker)).trimmingCharacters(in: .whitespaces)
            isSubItem = true
        }
        if let name, name.count > 500 { problem(row, .project, "Keep the project's name under 500 characters.") }
        var project = ImportedProject(row: row.number, programme: currentProgramme, reference: reference, title: name)
        if isSubItem {
            guard let current else {
                problem(row, .project, "“\(title ?? "")” reads as a sub-item, but there is no project above it.")
                return
            }
            project.programme = projects[current.project].programme
            projects[current.project].children.append(project)
            self.current = (current.project, projects[current.project].children.count - 1)
        } else {
            if currentProgramme == nil,
                reference == nil
                    || !context.projects.contains(where: { $0.reference?.lowercased() == reference?.lowercased() })
            {
                if title != nil {
                    problem(row, .programme, "No programme is given for \(project.label), in this row or above it.")
                }
            }
            projects.append(project)
            current = (projects.count - 1, nil)
        }
    }

    /// "a)", "B)", "(c)", "a." at the start of a project cell: the length of the marker.
    static func subItemMarker(_ title: String) -> Int? {
        let characters = Array(title.prefix(4))
        var index = 0
        if characters.first == "(" { index = 1 }
        guard index < characters.count, characters[index].isLetter, characters[index].isASCII else { return nil }
        let next = index + 1
        guard next < characters.count, characters[next] == ")" || characters[next] == "." else { return nil }
        guard next + 1 < characters.count, characters[next + 1] == " " else { return nil }
        return next + 1
    }

    mutating func withCurrent(_ change: (inout ImportedProject) -> Void) {
        guard let current else { return }
        if let child = current.child {
            change(&projects[current.project].children[child])
        } else {
            change(&projects[current.project])
        }
    }

    var currentItem: ImportedProject? {
        guard let current else { return nil }
        return current.child.map { projects[current.project].children[$0] } ?? projects[current.project]
    }

    mutating func fill(_ row: ImportTable.Row, isFirst: Bool) {
        var cells = row.cells
        if let last = cells.last?.text, last.hasPrefix("\u{1}") {
            cells.removeLast()
            if last == Self.wrappedMarker {
                problem(
                    row, nil,
                    "Read as a milestone of \(currentItem?.label ?? "the project above"), wrapped into the first columns.",
                    blocking: false)
            } else {
                let description = String(last.dropFirst(Self.descriptionMarker.count))
                problem(
                    row, .project,
                    "One cell more than the headers: “\(description.prefix(60))” is read as the project's description.",
                    blocking: false)
                withCurrent { $0.description = description }
            }
        }
        let row = ImportTable.Row(number: row.number, cells: cells)
        for field in [ImportField.description, .sro, .lead, .commencement, .projectPlan, .projectTimescale] {
            guard let value = text(row, field) else { continue }
            let path = Self.keyPath(field)
            if let existing = currentItem?[keyPath: path], existing != value {
                if isFirst {
                    problem(
                        row, field,
                        "\(field.title) is given twice for \(currentItem?.label ?? "this project"); “\(existing)” is kept.",
                        blocking: false)
                }
                continue
            }
            withCurrent { $0[keyPath: path] = value }
        }
        for field in [ImportField.update, .mitigation] {
            guard let value = text(row, field) else { continue }
            let path: WritableKeyPath<ImportedProject, String?> = field == .update ? \.update : \.mitigation
            withCurrent { $0[keyPath: path] = [$0[keyPath: path], value].compactMap { $0 }.joined(separator: "\n") }
        }
        let rating = readRating(row)
        let milestone = text(row, .milestone)
        let date = text(row, .milestoneDate)
        if milestone != nil || date != nil {
            let line = MilestoneLine(title: milestone ?? "", date: date ?? "", rating: isFirst ? nil : rating)
            withCurrent { $0.milestones.append(line) }
        }
        if isFirst {
            withCurrent { $0.rating = rating }
        } else if rating != nil, milestone == nil, date == nil {
            problem(row, .rating, "A rating with no milestone or project beside it is ignored.", blocking: false)
        }
        if let written = text(row, .trend), isFirst {
            if let trend = Trend(written: written) {
                withCurrent { $0.trend = trend }
            } else {
                problem(row, .trend, "“\(written)” is not an arrow (↑, ↓, ↔ or new); it is left out.", blocking: false)
            }
        }
        if isFirst {
            for (index, target) in mapping.targets.enumerated() {
                guard case .attribute = target, !row[index].isBlank else { continue }
                attributeCells[index, default: []].append((row.number, row[index]))
            }
        }
    }

    mutating func readRating(_ row: ImportTable.Row) -> String? {
        guard let written = text(row, .rating) else { return nil }
        if let level = context.scale.level(for: written) { return level.label }
        let labels = context.scale.levels.map(\.label).joined(separator: ", ")
        if context.keepOffScaleRatings {
            problem(
                row, .rating,
                "“\(written)” is not on the \(context.scale.kind.rawValue) scale (\(labels)); kept as written and flagged.",
                blocking: false)
            return written
        }
        problem(row, .rating, "“\(written)” is not on the \(context.scale.kind.rawValue) scale (\(labels)).")
        return nil
    }

    static func keyPath(_ field: ImportField) -> WritableKeyPath<ImportedProject, String?> {
        switch field {
        case .description: \.description
        case .sro: \.sro
        case .lead: \.lead
        case .commencement: \.commencement
        case .projectPlan: \.projectPlan
        default: \.projectTimescale
        }
    }
}
