import AssureCore
import AssureInterchange
import AssureStorage
import Foundation

/// The tables of the pages that are not dashboards, as the same `ReportTable` the dashboards use, so every page
/// downloads as CSV and XLSX through one path.
public enum ExportTables {
    /// The portfolio's projects and sub-items with their latest published rating and every custom attribute as a column.
    public static func projects(
        portfolio: PortfolioInfo, items: [ProjectListItem],
        attributes: (names: [String], values: [UUID: [AttributeValue]])
    ) -> ReportTable {
        let columns =
            ["Programme", "Reference", "Project", "Sub-item of", "SRO", "Lead", "Latest published rating"]
            + attributes.names
        let titles = Dictionary(items.map { ($0.id, $0.title) }, uniquingKeysWith: { a, _ in a })
        let rows: [[ReportTable.Cell]] = items.map { item in
            let values = Dictionary(
                (attributes.values[item.id] ?? []).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
            return [
                .init(item.programme), .init(item.reference ?? ""), .init(item.title, projectID: item.id.uuidString),
                .init(item.parentID.flatMap { titles[$0] } ?? ""), .init(item.sro ?? ""), .init(item.lead ?? ""),
                .init(item.rating?.label ?? "", isRating: true, rating: item.rating),
            ]
                + attributes.names.map { .init(values[$0]?.text ?? "") }
        }
        return ReportTable(title: "\(portfolio.name) projects", columns: columns, rows: rows)
    }

    public static func returns(_ tracking: ReturnTracking, showAddresses: Bool) -> ReportTable {
        let columns = [
            "Programme", "Reference", "Project", "State", "Owed by", "Last saved by", "Last saved", "Reviewed by",
            "Review comment",
        ]
        let rows: [[ReportTable.Cell]] = tracking.programmes.flatMap { group in
            group.rows.map { row in
                let owners = row.owners.map {
                    showAddresses
                        ? [$0.name, $0.email.map { "<\($0)>" }].compactMap { $0 }.joined(separator: " ") : $0.name
                }
                return [
                    .init(group.programme.name), .init(row.project.reference ?? ""), .init(row.project.title),
                    .init(row.state.label), .init(owners.joined(separator: "; ")), .init(row.savedBy ?? ""),
                    .init(row.savedAt.map(day) ?? ""), .init(row.reviewedBy ?? ""), .init(row.reviewComment ?? ""),
                ]
            }
        }
        return ReportTable(
            title: "Returns for \(tracking.period.label) — \(tracking.portfolio.name)", columns: columns, rows: rows)
    }

    /// Every risk of a register with its score, band, owner, references, status and review date.
    public static func risks(_ register: RiskRegister) -> ReportTable {
        ReportTable(
            title: "\(register.name): every risk",
            columns: [
                "Section", "Level", "Scope", "Risk", "Severity", "Likelihood", "Score", "Band",
                "Mitigation", "Owner", "References", "Status", "Review date",
            ],
            rows: register.risks.map { risk in
                let band = register.band(risk)
                return [
                    .init(risk.section), .init(risk.level.rawValue), .init(risk.scope),
                    .init(risk.description, projectID: risk.id.uuidString),
                    .init(risk.severity), .init(risk.likelihood), .init(register.score(risk).map(String.init) ?? ""),
                    .init(band ?? "", isRating: true, rating: band.flatMap { RatingScale.threePoint.level(for: $0) }),
                    .init(risk.mitigation), .init(risk.owner), .init(risk.references.joined(separator: "; ")),
                    .init(risk.status.rawValue), .init(risk.reviewDate?.iso ?? ""),
                ]
            })
    }

    /// Every deliverable with its programme, workstream, years and status.
    public static func deliverables(_ items: [Deliverable]) -> ReportTable {
        ReportTable(
            title: "Key deliverables", columns: ["Programme", "Workstream", "Deliverable", "Due in", "Status"],
            rows: items.map {
                [
                    .init($0.programme), .init($0.workstream), .init($0.title, projectID: $0.id.uuidString),
                    .init($0.years.sorted().map(\.label).joined(separator: ", ")), .init($0.status.rawValue),
                ]
            })
    }

    /// A prioritisation with each case's rank beside its score.
    public static func ranked(_ set: CriteriaSet) -> ReportTable {
        var table = set.table
        table.columns.append("Rank")
        for (index, scored) in set.scored.enumerated() {
            table.rows[index].append(
                .init(
                    String(scored.rank)
                        + (scored.unrated.isEmpty ? "" : " (not rated on \(scored.unrated.joined(separator: ", ")))")))
        }
        return table
    }

    public static func people(_ people: [PersonContact]) -> ReportTable {
        ReportTable(
            title: "People", columns: ["Name", "Job title", "Email"],
            rows: people.map { [.init($0.name), .init($0.jobTitle ?? ""), .init($0.email ?? "")] })
    }

    public static func users(_ users: [UserSummary]) -> ReportTable {
        ReportTable(
            title: "Users", columns: ["Name", "Email", "Role", "May edit"],
            rows: users.map {
                [
                    .init($0.name), .init($0.email), .init($0.role.rawValue),
                    .init($0.programmes.joined(separator: "; ")),
                ]
            })
    }

    public static func outbox(_ messages: [OutboxEntry]) -> ReportTable {
        ReportTable(
            title: "Outbox",
            columns: ["Queued (UTC)", "Kind", "To", "Subject", "Status", "Attempts", "Last error", "Sent (UTC)"],
            rows: messages.map { message in
                [
                    .init(timestamp(message.createdAt)), .init(message.kind),
                    .init("\(message.message.toName) <\(message.message.toAddress)>"),
                    .init(message.message.subject), .init(message.status.rawValue), .init(String(message.attempts)),
                    .init(message.lastError ?? ""), .init(message.sentAt.map(timestamp) ?? ""),
                ]
            })
    }

    /// A value-type format style: a formatter object per cell made exports of the whole audit log slow.
    package static func timestamp(_ date: Date) -> String { date.formatted(.iso8601) }

    public static func audit(_ entries: [AuditEntry]) -> ReportTable {
        ReportTable(
            title: "Audit log", columns: ["At (UTC)", "Who", "Action", "Entity", "Id", "Before", "After", "From"],
            rows: entries.map {
                [
                    .init(timestamp($0.at)), .init($0.actor), .init($0.action),
                    .init($0.entity), .init($0.entityID ?? ""), .init($0.before ?? ""), .init($0.after ?? ""),
                    .init($0.address ?? ""),
                ]
            })
    }

    /// A day as the papers write it, for the "Last saved" column (UTC).
    package static func day(_ date: Date) -> String {
        CalendarDate(utc: date).longDisplay
    }
}

/// Tables sent as a file: CSV (several tables one under another), or XLSX with a sheet per table.
public enum TableDownload: String, CaseIterable, Sendable {
    case csv, xlsx

    public var contentType: String {
        switch self {
        case .csv: "text/csv; charset=utf-8"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
    }

    public func data(_ tables: [ReportTable]) throws -> Data {
        switch self {
        case .csv: Data(ReportOutput.csv(tables).utf8)
        case .xlsx: try XLSXWriter.write(TableWorkbook.workbook(tables))
        }
    }
}
