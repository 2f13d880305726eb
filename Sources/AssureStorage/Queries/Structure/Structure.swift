import AssureCore
import FluentKit
import Foundation

/// The editable details of a project.
public struct ProjectChanges: Codable, Sendable, Hashable {
    public var reference: String?
    public var title: String
    public var sro: String?
    public var lead: String?
    public var programmeID: UUID
    public var baseVersion: Int

    public init(reference: String?, title: String, sro: String?, lead: String?, programmeID: UUID, baseVersion: Int) {
        self.reference = reference
        self.title = title
        self.sro = sro
        self.lead = lead
        self.programmeID = programmeID
        self.baseVersion = baseVersion
    }
}

public struct ProjectDetail: Sendable {
    public let project: ProjectInfo
    public let programme: ProgrammeInfo
    public let portfolio: PortfolioInfo
    public let version: Int
}

/// Changing the structure: portfolios, programmes, projects. Published periods are unaffected: they keep their snapshot.
public enum Structure {
    public static func project(_ db: Database, id: UUID) async throws -> ProjectDetail {
        guard let project = try await ProjectRecord.find(id, on: db),
            let programme = try await ProgrammeRecord.find(project.$programme.id, on: db),
            let portfolio = try await PortfolioRecord.find(programme.$portfolio.id, on: db)
        else {
            throw DomainError.notFound("project")
        }
        let names = try await People.names(db)
        return ProjectDetail(
            project: try project.info(names: names), programme: try programme.info(names: names),
            portfolio: try portfolio.info, version: project.version)
    }

}

package extension String {
    var nilIfBlank: String? {
        let trimmed = trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
