import FluentKit
import SQLKit

/// Indexes for finding an SRO's or clinical lead's projects: read on every request of a user who is not the PMO (what
/// they may see of returns in progress). Without them the query walked every project: 0.7 s a request at 100,000.
struct M033_IndexAccountablePeople: SingleColumnIndexes {
    static let indexes = [
        ("projects_sro_idx", "projects", "sro_id"),
        ("programmes_clinical_lead_idx", "programmes", "clinical_lead_id"),
    ]
}
