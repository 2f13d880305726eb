import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Foundation

/// One project's return for one period, as a script reads it before writing it back.
struct APIReturn: Codable, Sendable {
    let period: String
    let project: UUID
    let reference: String?
    let title: String
    let state: String
    /// Send this back as `baseVersion`: a save against an older version is refused with 409.
    let version: Int
    let prefilled: Bool
    let rating: String
    let update: String
    let mitigation: String
    let milestones: [APIMilestoneLine]
    let ratings: [String]

    init(_ sheet: ReturnSheet) {
        period = sheet.period.key
        project = sheet.project.id
        reference = sheet.project.reference
        title = sheet.project.title
        state = sheet.state.rawValue
        version = sheet.form.baseVersion
        prefilled = sheet.isPrefilled
        rating = sheet.form.rating
        update = sheet.form.update
        mitigation = sheet.form.mitigation
        milestones = sheet.form.milestones.map { APIMilestoneLine(title: $0.title, date: $0.date, rating: $0.rating) }
        ratings = sheet.scale.levels.map(\.label)
    }
}

struct APIMilestoneLine: Codable, Sendable {
    let title: String
    let date: String
    let rating: String?
}

/// The body of a PUT: the same fields as the web form. `submit: false` saves a draft. The version read goes in
/// `If-Match` (its ETag) or here as `baseVersion`.
struct APIReturnInput: Codable, Sendable {
    let rating: String?
    let update: String?
    let mitigation: String?
    let milestones: [APIMilestoneLine]?
    let baseVersion: Int?
    let submit: Bool?

    func form(baseVersion: Int) -> ReturnForm {
        ReturnForm(
            rating: rating ?? "", update: update ?? "", mitigation: mitigation ?? "",
            milestones: (milestones ?? []).map { MilestoneLine(title: $0.title, date: $0.date, rating: $0.rating) },
            baseVersion: baseVersion)
    }
}

extension APIReturnInput: SchemaRefined {
    static let refinements: [String: Refinement] = [
        "baseVersion": Refinement(
            description: "The version read, when If-Match is not sent", minimum: (0, exclusive: false),
            maximum: Double(Int32.max)),
        "update": Refinement(maxLength: 20_000), "mitigation": Refinement(maxLength: 20_000),
        "milestones": Refinement(maxItems: 30),
        "submit": .described("false saves a draft; otherwise the return is submitted for review."),
    ]
}
