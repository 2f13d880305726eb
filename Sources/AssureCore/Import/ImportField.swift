/// What a column of an imported table can mean. The raw values are what the CLI's `--map "COLUMN=FIELD"` takes.
public enum ImportField: String, CaseIterable, Codable, Sendable {
    case programme, reference, project, description, sro, lead, rating, trend, update, mitigation, milestone
    case milestoneDate = "milestone-date"
    case commencement
    case projectPlan = "project-plan"
    case projectTimescale = "project-timescale"

    public var title: String {
        switch self {
        case .programme: "Programme (a blank cell continues the one above)"
        case .reference: "Project reference"
        case .project: "Project (\"a)\" starts a sub-item)"
        case .description: "Description"
        case .sro: "SRO"
        case .lead: "Project lead"
        case .rating: "Rating (RAG)"
        case .trend: "Reported arrow"
        case .update: "Update"
        case .mitigation: "Mitigation"
        case .milestone: "Milestone"
        case .milestoneDate: "Milestone date"
        case .commencement: "Commencement"
        case .projectPlan: "Project plan (Y/N)"
        case .projectTimescale: "Project timescale"
        }
    }

    /// Header words seen in real papers and spreadsheets, normalised (lower case, punctuation as spaces).
    var synonyms: [String] {
        switch self {
        case .programme:
            [
                "programme", "program", "programme name", "cdg", "clinical delivery group", "workstream", "theme",
                "portfolio area", "programme area", "dept", "department", "directorate", "division",
            ]
        case .reference:
            ["reference", "ref", "project reference", "project ref", "project id", "id", "code", "project code"]
        case .project:
            [
                "project role", "project", "projects", "project name", "project title", "priorities projects",
                "priority", "priorities", "scheme", "initiative", "title", "name",
            ]
        case .description: ["description", "project description", "scope", "summary"]
        case .sro:
            [
                "sro executive", "sro", "senior responsible owner", "senior responsible officer", "executive lead",
                "sponsor", "executive sponsor",
            ]
        case .lead: ["lead", "project lead", "project manager", "owner", "project owner", "head of service", "manager"]
        case .rating:
            [
                "rag", "rag status", "rating", "rag rating", "overall rag", "status", "dca", "dca status",
                "dca rating", "overall dca",
                "delivery confidence", "delivery confidence assessment", "overall rating",
            ]
        case .trend:
            [
                "status since last report", "status since last", "change", "trend", "direction",
                "direction of travel", "movement", "since last report",
            ]
        case .update:
            [
                "update mitigation", "update", "updates", "progress updates comments", "progress update",
                "progress", "comments", "narrative", "commentary", "progress updates", "update comments",
            ]
        case .mitigation: ["mitigation", "mitigating actions", "mitigations", "actions", "remedial actions"]
        case .milestone:
            ["milestone s", "milestone", "milestones", "current milestone", "key milestone", "next milestone"]
        case .milestoneDate:
            [
                "milestone date", "milestone timescale", "milestone due", "milestone due date", "due date",
                "due", "target date", "date", "milestone deadline",
            ]
        case .commencement:
            ["commencement date of project", "commencement date", "commencement", "start date", "start"]
        case .projectPlan: ["project plan y n", "project plan", "plan", "plan in place"]
        case .projectTimescale: ["project time scale", "project timescale", "timescale", "project end", "end date"]
        }
    }

    /// Lower case, every run of punctuation and space as one space: "UPDATE/MITIGATION" → "update mitigation".
    public static func normalise(_ header: String) -> String {
        var words: [String] = []
        var current = ""
        for character in header.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.joined(separator: " ")
    }

    /// The field a header names, if any of the known words match it exactly.
    public static func recognise(_ header: String) -> ImportField? {
        let key = normalise(header)
        guard !key.isEmpty else { return nil }
        return synonymIndex[key]
    }

    private static let synonymIndex: [String: ImportField] = {
        var index: [String: ImportField] = [:]
        for field in allCases {
            for word in field.synonyms where index[word] == nil { index[word] = field }
        }
        return index
    }()
}

/// The type a custom attribute's values are read as.
public enum AttributeKind: String, CaseIterable, Codable, Sendable {
    case text, number, money, date
}
