/// A table as a paper prints it: the same model feeds HTML, CSV and JSON, so every output agrees.
public struct ReportTable: Codable, Hashable, Sendable {
    public struct Cell: Codable, Hashable, Sendable {
        public var text: String
        /// True for a RAG cell, whether or not its value is on the scale.
        public var isRating: Bool
        /// The level of a rating cell on the scale, so views can colour it.
        public var rating: RatingLevel?
        /// Set on trend cells.
        public var trend: Trend?
        public var trendIsReported: Bool
        public var flags: [Flag]
        /// The project the cell belongs to, for links.
        public var projectID: String?
        /// Words every output prints with the cell's text, on its own line: "Not updated since September 2016".
        public var notice: String? = nil

        public init(
            _ text: String, isRating: Bool = false, rating: RatingLevel? = nil, trend: Trend? = nil,
            trendIsReported: Bool = false,
            flags: [Flag] = [], projectID: String? = nil
        ) {
            self.text = text
            self.isRating = isRating
            self.rating = rating
            self.trend = trend
            self.trendIsReported = trendIsReported
            self.flags = flags
            self.projectID = projectID
        }
    }

    public var title: String
    /// Lines printed above the table (a monitoring report's leads).
    public var subtitle: [String]
    public var columns: [String]
    public var rows: [[Cell]]

    public init(title: String, subtitle: [String] = [], columns: [String], rows: [[Cell]]) {
        self.title = title
        self.subtitle = subtitle
        self.columns = columns
        self.rows = rows
    }

    /// The plain text of every cell, as a reader of the paper sees it (notices included).
    public var textRows: [[String]] { rows.map { $0.map(\.fullText) } }
}

public extension ReportTable.Cell {
    /// The text with its notice on a line of its own, as downloads print it.
    var fullText: String {
        guard let notice else { return text }
        return text.isEmpty ? notice : "\(text)\n\(notice)"
    }
}

public extension ReportTable.Cell {
    static func rating(_ row: ProjectRow) -> Self {
        Self(
            row.ratingDisplay, isRating: true, rating: row.effective,
            flags: row.flags.filter { [.ratingOffScale, .rollUpContradiction].contains($0.kind) },
            projectID: row.project.id.upperText)
    }

    static func rating(_ recorded: RecordedRating?) -> Self {
        Self(
            recorded?.display ?? "", isRating: true, rating: recorded?.level,
            flags: recorded.map {
                $0.isOnScale ? [] : [Flag(.ratingOffScale, "“\($0.written)” is not on the scale; kept as written.")]
            } ?? [])
    }

    static func trend(_ row: ProjectRow) -> Self {
        Self(
            row.trend.display, trend: row.trend.shown, trendIsReported: row.trend.isReported,
            flags: row.flags.filter { [.trendDisagrees, .arrowWithoutRating].contains($0.kind) })
    }

    /// Findings shown beside the project's name (ratings and arrows carry their own).
    static let itemChecks: Set<Flag.Kind> = [
        .overdueMilestone, .milestoneSlipped, .repeatedNarrative, .unreadableDate,
        .noSRO, .noLead, .staleReturn,
    ]

    /// The project's name, with "Not updated since …" where its return was carried forward.
    static func project(_ row: ProjectRow, text: String? = nil) -> Self {
        var cell = Self(
            text ?? row.project.title, flags: row.flags.filter { itemChecks.contains($0.kind) },
            projectID: row.project.id.upperText)
        cell.notice = row.notUpdatedWords
        return cell
    }
}
