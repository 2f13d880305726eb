import ArgumentParser
import AssureApp
import AssureCore
import AssureStorage
import Foundation

struct DependencyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dependency", abstract: "Milestones waiting on other projects' milestones.",
        subcommands: [DependencyListCommand.self, DependencyAddCommand.self])
}

/// A portfolio's dependencies, each with how it stands, then the dates written as another event and what they may mean.
struct DependencyListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Every dependency with its standing, and the links offered from dates.")
    @Option(help: "The portfolio's name.") var portfolio: String
    @OptionGroup var db: DatabaseOption

    func run() async throws {
        try await CLI.run {
            try await Storage.withDatabase(db.target) { database in
                let found = try await Catalogue.findPortfolio(database, name: portfolio)
                let picture = try await DependencyPicture.read(database, portfolio: found)
                if picture.stored.isEmpty { print("\(found.info.name): no dependency is recorded.") }
                for item in picture.stored {
                    let standing =
                        picture.riskByID[item.id]?.words
                        ?? picture.knockOns[item.dependency.dependant].map {
                            "At risk through " + $0.chain.map(picture.name).joined(separator: " → ")
                        } ?? "Clear"
                    print(
                        "\(picture.name(item.dependency.dependant)) | waits on \(picture.name(item.dependency.upstream))"
                            + " | \(standing)")
                }
                for suggestion in try await MilestoneDependencies.suggestions(
                    database, portfolio: found, recorded: picture.graph)
                {
                    let candidates = suggestion.candidates.map { "\($0.projectName): \($0.milestone)" }
                    print(
                        "Suggested: \(suggestion.dependantName): \(suggestion.dependant.milestone ?? "") is dated "
                            + "“\(suggestion.written)”; it may mean " + candidates.joined(separator: "; or "))
                }
            }
        }
    }
}

/// Records a dependency as the project page's form does, with the same checks (loops refused with the chain named).
struct DependencyAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Record that a project's milestone (or the whole project) waits on another's.")
    @Option(help: "The portfolio's name.") var portfolio: String
    @Option(help: "The waiting project's reference or title.") var project: String
    @Option(help: "Its milestone's title as reported (none: the project as a whole).") var milestone: String?
    @Option(help: "The project waited on, by reference or title.") var onProject: String
    @Option(help: "Its milestone's title as reported.") var onMilestone: String
    @OptionGroup var db: DatabaseOption

    func run() async throws {
        try await CLI.run {
            try await Storage.withDatabase(db.target) { database in
                let found = try await Catalogue.findPortfolio(database, name: portfolio)
                let projects = try await MilestoneDependencies.projects(
                    database, portfolioID: found.info.id, named: project)
                guard projects.count == 1 else {
                    throw DomainError.invalid([
                        "project": projects.isEmpty
                            ? "No project in \(found.info.name) is called “\(project)”."
                            : "More than one project is called “\(project)”: give its reference."
                    ])
                }
                let stored = try await Dependencies.add(
                    database, CLI.actor, projectID: projects[0],
                    draft: DependencyDraft(
                        milestone: milestone ?? "", upstreamProject: onProject, upstreamMilestone: onMilestone))
                print("Recorded: \(stored.dependantName) waits on \(stored.upstreamName): \(onMilestone)")
            }
        }
    }
}
