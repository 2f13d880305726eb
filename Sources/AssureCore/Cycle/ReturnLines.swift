import Foundation

/// One project's line in a return handed out for filling in (a workbook): what the lead sees prefilled.
public struct WorkbookReturnRow: Sendable {
    public var projectID: UUID
    public var programme: String
    public var reference: String?
    public var title: String
    public var lastRating: String?
    /// This period's values if the return was started, else last period's; `baseVersion` is the return's version now.
    public var form: ReturnForm

    public init(
        projectID: UUID, programme: String, reference: String?, title: String, lastRating: String?, form: ReturnForm
    ) {
        self.projectID = projectID
        self.programme = programme
        self.reference = reference
        self.title = title
        self.lastRating = lastRating
        self.form = form
    }
}

/// A return read back from a filled-in workbook, with the row it came from.
public struct UploadedReturn: Sendable {
    public var row: Int
    public var projectID: UUID
    public var form: ReturnForm

    public init(row: Int, projectID: UUID, form: ReturnForm) {
        self.row = row
        self.projectID = projectID
        self.form = form
    }
}
