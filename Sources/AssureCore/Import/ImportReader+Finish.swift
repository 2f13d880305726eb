import Foundation

extension ImportReader {
    /// Where the rows below a project rate their milestones, the RAG column is per milestone, so the first row's
    /// rating is the first milestone's too (and the project's, as the paper gives no other).
    mutating func rateFirstMilestones() {
        func settle(_ project: inout ImportedProject) {
            guard project.milestones.count > 1, project.milestones.dropFirst().contains(where: { $0.rating != nil }),
                project.milestones[0].rating == nil, let rating = project.rating
            else { return }
            project.milestones[0].rating = rating
        }
        for index in projects.indices {
            settle(&projects[index])
            for child in projects[index].children.indices { settle(&projects[index].children[child]) }
        }
    }

    /// Reads each custom attribute column with one type: the one chosen, or else the one every value fits
    /// (date, then number; money where the header or a value names a currency), else text.
    mutating func readAttributes() -> [(name: String, kind: AttributeKind)] {
        var kinds: [(name: String, kind: AttributeKind)] = []
        var valuesByRow: [Int: [AttributeValue]] = [:]
        for (column, target) in mapping.targets.enumerated() {
            guard case .attribute(let chosen) = target else { continue }
            let name = mapping.headers[column].isEmpty ? "Column \(columnLetter(column))" : mapping.headers[column]
            let cells = (attributeCells[column] ?? []).filter { !CellValues.isNone($0.cell) }
            let kind = chosen ?? CellValues.kind(of: cells.map(\.cell), header: name)
            kinds.append((name, kind))
            for (row, cell) in cells {
                switch CellValues.value(cell, as: kind) {
                case .success(let value):
                    valuesByRow[row, default: []].append(
                        AttributeValue(name: name, kind: kind, text: value.text, number: value.number))
                case .failure(let reason):
                    problems.append(
                        ImportProblem(sheet: table.sheet, row: row, column: column, header: name, reason.message))
                }
            }
        }
        for index in projects.indices {
            projects[index].attributes = valuesByRow[projects[index].row] ?? []
            for child in projects[index].children.indices {
                projects[index].children[child].attributes = valuesByRow[projects[index].children[child].row] ?? []
            }
        }
        return kinds
    }

    /// A project is the same project as last month's when its reference matches, or else its name in its programme
    /// (any case); a sub-item when its name matches under the same parent.
    mutating func matchKnownProjects() {
        let tops = context.projects.filter { $0.parentID == nil }
        var byReference: [String: KnownProject] = [:]
        var byTitle: [String: [KnownProject]] = [:]
        for project in tops {
            if let reference = project.reference { byReference[reference.lowercased()] = project }
            byTitle[project.title.lowercased(), default: []].append(project)
        }
        let children = Dictionary(grouping: context.projects.filter { $0.parentID != nil }, by: { $0.parentID! })
        for index in projects.indices {
            let imported = projects[index]
            var known = imported.reference.flatMap { byReference[$0.lowercased()] }
            if known == nil, let title = imported.title?.lowercased() {
                let candidates = byTitle[title] ?? []
                known =
                    candidates.first { $0.programme.lowercased() == imported.programme?.lowercased() }
                    ?? (candidates.count == 1 && imported.reference == nil ? candidates.first : nil)
            }
            guard let known else {
                if imported.title == nil {
                    problems.append(
                        ImportProblem(
                            sheet: table.sheet, row: imported.row, column: mapping.columns(for: .project).first,
                            header: mapping.columns(for: .project).first.map { mapping.headers[$0] },
                            "\(imported.reference ?? "This row") is not a project of this portfolio, and no name is given to create it."
                        ))
                }
                continue
            }
            projects[index].match = .existing(known.id)
            if let programme = imported.programme, programme.lowercased() != known.programme.lowercased() {
                problems.append(
                    ImportProblem(
                        sheet: table.sheet, row: imported.row, column: mapping.columns(for: .programme).first,
                        header: mapping.columns(for: .programme).first.map { mapping.headers[$0] },
                        "\(known.title) is in \(known.programme); it stays there.", isBlocking: false))
                projects[index].programme = known.programme
            }
            let siblings = children[known.id] ?? []
            for child in projects[index].children.indices {
                let title = projects[index].children[child].title?.lowercased()
                if let match = siblings.first(where: { $0.title.lowercased() == title }) {
                    projects[index].children[child].match = .existing(match.id)
                }
            }
        }
    }

    /// The same reference twice, or the same project twice in one programme, cannot both be imported.
    mutating func checkDuplicates() {
        var seenReferences: [String: Int] = [:]
        var seenTitles: [String: Int] = [:]
        for project in projects {
            if let reference = project.reference?.lowercased() {
                if let first = seenReferences[reference] {
                    problems.append(
                        ImportProblem(
                            sheet: table.sheet, row: project.row, column: mapping.columns(for: .reference).first,
                            header: mapping.columns(for: .reference).first.map { mapping.headers[$0] },
                            "The reference \(project.reference!) is also used in row \(first)."))
                }
                seenReferences[reference] = seenReferences[reference] ?? project.row
            } else if let title = project.title?.lowercased() {
                let key = "\(project.programme?.lowercased() ?? "")\u{0}\(title)"
                if let first = seenTitles[key] {
                    problems.append(
                        ImportProblem(
                            sheet: table.sheet, row: project.row, column: mapping.columns(for: .project).first,
                            header: mapping.columns(for: .project).first.map { mapping.headers[$0] },
                            "\(project.title!) is also in row \(first) of the same programme."))
                }
                seenTitles[key] = seenTitles[key] ?? project.row
            }
        }
    }
}
