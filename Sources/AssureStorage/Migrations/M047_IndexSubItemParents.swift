import FluentKit
import SQLKit

/// Sub-items found by their project. A page scoped to one project (`RowScope.project`) asks for the project and its
/// sub-items in every query it makes; without this each such query walked every project (about 10 ms a query at
/// 100,000 projects on SQLite, several a project page).
struct M047_IndexSubItemParents: SingleColumnIndexes {
    static let indexes = [("projects_parent_idx", "projects", "parent_id")]
}
