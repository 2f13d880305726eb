import FluentKit
import SQLKit

/// Indexes for the queries every dashboard makes. Plain SQL that SQLite and PostgreSQL both accept.
struct M005_CreateIndexes: SingleColumnIndexes {
    static let indexes = [
        ("projects_programme_idx", "projects", "programme_id"),
        ("returns_period_idx", "returns", "period_id"),
        ("returns_project_idx", "returns", "project_id"),
        ("return_milestones_return_idx", "return_milestones", "return_id"),
        ("audit_entries_at_idx", "audit_entries", "at"),
    ]
}
