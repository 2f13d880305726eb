import Foundation

/// How a register rates severity and likelihood: High/Medium/Low (3/2/1) or 1 to 5.
public enum RiskScaleKind: String, Codable, CaseIterable, Sendable {
    case highMediumLow = "h-m-l"
    case oneToFive = "1-5"

    public var values: [String] { self == .highMediumLow ? ["H", "M", "L"] : ["5", "4", "3", "2", "1"] }

    /// The points of a value as written ("H", "high", "4"); nil when it is not on this scale.
    public func points(_ written: String) -> Int? {
        let value = written.trimmingCharacters(in: .whitespaces).lowercased()
        switch self {
        case .highMediumLow: return ["l": 1, "low": 1, "m": 2, "medium": 2, "h": 3, "high": 3][value]
        case .oneToFive: return Int(value).flatMap { (1...5).contains($0) ? $0 : nil }
        }
    }

    /// The value as the register writes it.
    public func label(_ points: Int) -> String {
        self == .highMediumLow ? (points >= 3 ? "H" : points == 2 ? "M" : "L") : String(points)
    }

    /// Scores (severity × likelihood) from which a risk is amber and red, unless the register sets its own.
    public var defaultBands: RiskBands {
        self == .highMediumLow ? RiskBands(amberFrom: 3, redFrom: 6) : RiskBands(amberFrom: 8, redFrom: 15)
    }
}

/// Where a score turns amber and red.
public struct RiskBands: Codable, Hashable, Sendable {
    public var amberFrom: Int
    public var redFrom: Int

    public init(amberFrom: Int, redFrom: Int) {
        self.amberFrom = amberFrom
        self.redFrom = redFrom
    }

    public func band(_ score: Int) -> String { score >= redFrom ? "Red" : score >= amberFrom ? "Amber" : "Green" }
}

public enum RiskLevel: String, Codable, CaseIterable, Sendable { case system, portfolio, programme, project }
public enum RiskStatus: String, Codable, CaseIterable, Sendable { case open, closed }

public struct Risk: Codable, Hashable, Sendable {
    public var id: UUID
    /// The heading the risk sits under in the register ("CCG RISKS").
    public var section: String
    public var level: RiskLevel
    /// The portfolio, programme or project it belongs to, by name; empty for a system risk.
    public var scope: String
    public var description: String
    public var severity: String
    public var likelihood: String
    public var mitigation: String
    public var owner: String
    /// "Corporate Risk Register S03", "GBAF 3.2".
    public var references: [String]
    public var status: RiskStatus
    public var reviewDate: CalendarDate?
    public var version: Int

    public init(
        id: UUID = UUID.random(), section: String, level: RiskLevel = .system, scope: String = "", description: String,
        severity: String, likelihood: String, mitigation: String, owner: String = "", references: [String]? = nil,
        status: RiskStatus = .open, reviewDate: CalendarDate? = nil, version: Int = 1
    ) {
        self.id = id
        self.section = section
        self.level = level
        self.scope = scope
        self.description = description
        self.severity = severity
        self.likelihood = likelihood
        self.mitigation = mitigation
        self.owner = owner
        self.references = references ?? Risk.references(in: description)
        self.status = status
        self.reviewDate = reviewDate
        self.version = version
    }

    /// Register references as the papers write them inside brackets: "(Corporate Risk Register CDG4.1, CDG 4.2)" gives
    /// both, "(GBAF 3.2)" one.
    public static func references(in text: String) -> [String] {
        text.matches(of: #/\((Corporate Risk Register [^)]*|GBAF [^)]*)\)/#).flatMap { match -> [String] in
            let inside = String(match.1)
            guard inside.hasPrefix("Corporate Risk Register ") else { return [inside] }
            return inside.dropFirst("Corporate Risk Register ".count).split(separator: ",")
                .map { "Corporate Risk Register " + $0.trimmingCharacters(in: .whitespaces) }
        }
    }
}

/// A register: its scale, its bands, and its risks in order.
public struct RiskRegister: Codable, Hashable, Sendable {
    public var id: UUID
    public var name: String
    public var scale: RiskScaleKind
    public var bands: RiskBands
    public var risks: [Risk]

    public init(id: UUID = UUID.random(), name: String, scale: RiskScaleKind, bands: RiskBands? = nil, risks: [Risk]) {
        self.id = id
        self.name = name
        self.scale = scale
        self.bands = bands ?? scale.defaultBands
        self.risks = risks
    }

    public func score(_ risk: Risk) -> Int? {
        guard let severity = scale.points(risk.severity), let likelihood = scale.points(risk.likelihood) else {
            return nil
        }
        return severity * likelihood
    }

    public func band(_ risk: Risk) -> String? { score(risk).map(bands.band) }

    /// Seed 001's table: RISK, SEVERITY, LIKELIHOOD, MITIGATION, a heading row before each section's risks.
    public var table: ReportTable {
        var rows: [[ReportTable.Cell]] = []
        var section: String?
        for risk in risks where risk.status == .open {
            if risk.section != section {
                rows.append([.init(risk.section), .init(""), .init(""), .init("")])
                section = risk.section
            }
            rows.append([.init(risk.description), .init(risk.severity), .init(risk.likelihood), .init(risk.mitigation)])
        }
        return ReportTable(title: name, columns: ["RISK", "SEVERITY", "LIKELIHOOD", "MITIGATION"], rows: rows)
    }

    /// The open risks counted by severity (rows, highest first) and likelihood (columns, lowest first): the heat map.
    public var heatMap: [[Int]] {
        let values = scale.values
        return values.map { severity in
            values.reversed().map { likelihood in
                risks.filter {
                    $0.status == .open && scale.points($0.severity) == scale.points(severity)
                        && scale.points($0.likelihood) == scale.points(likelihood)
                }.count
            }
        }
    }

    /// Field → message for a risk as typed.
    public func validate(
        description: String, severity: String, likelihood: String, reviewDate: String
    ) -> [String: String] {
        var errors: [String: String] = [:]
        if description.trimmingCharacters(in: .whitespaces).isEmpty { errors["description"] = "Describe the risk." }
        if description.count > 2000 { errors["description"] = "Keep the description under 2,000 characters." }
        let allowed = scale.values.joined(separator: ", ")
        if scale.points(severity) == nil {
            errors["severity"] = "“\(severity)” is not on this register's scale (\(allowed))."
        }
        if scale.points(likelihood) == nil {
            errors["likelihood"] = "“\(likelihood)” is not on this register's scale (\(allowed))."
        }
        if !reviewDate.isEmpty, CalendarDate(iso: reviewDate) == nil {
            errors["reviewDate"] = "Give the review date as a date."
        }
        return errors
    }
}
