import ArgumentParser
import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Foundation

struct PortfolioCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "portfolio", abstract: "Create and list portfolios.",
        subcommands: [Create.self, List.self])

    struct Create: AsyncParsableCommand {
        @Option var name: String
        @Option(help: "three-point (Green/Amber/Red) or five-point (Delivery Confidence Assessment).") var scale =
            "three-point"
        @OptionGroup var db: DatabaseOption

        func run() async throws {
            guard let scale = RatingScaleKind(rawValue: scale) else {
                throw ValidationError("--scale \(self.scale): use three-point or five-point")
            }
            try await CLI.run {
                let portfolio = try await Storage.withDatabase(db.target) {
                    try await Structure.createPortfolio($0, CLI.actor, name: name, scale: scale)
                }
                print("Created the portfolio \(portfolio.name) (\(scale.rawValue) scale).")
            }
        }
    }

    struct List: AsyncParsableCommand {
        @OptionGroup var db: DatabaseOption
        func run() async throws {
            try await CLI.run {
                for portfolio in try await Storage.withDatabase(db.target, { try await Catalogue.portfolios($0) }) {
                    let periods = portfolio.periods.map { "\($0.key) \($0.status.rawValue)" }.joined(separator: ", ")
                    print("\(portfolio.info.name)\t\(portfolio.info.scale.kind.rawValue)\t\(periods)")
                }
            }
        }
    }
}

struct ProgrammeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "programme", abstract: "Add a programme to a portfolio.",
        subcommands: [Add.self])

    struct Add: AsyncParsableCommand {
        @Option var portfolio: String
        @Option var name: String
        @Option(help: "programme or clinical-delivery-group.") var kind = "programme"
        @Option var clinicalLead: String?
        @Option var headOfService: String?
        @OptionGroup var db: DatabaseOption

        func run() async throws {
            guard let kind = ProgrammeKind(rawValue: kind) else {
                throw ValidationError("--kind \(self.kind): use programme or clinical-delivery-group")
            }
            try await CLI.run {
                let programme = try await Storage.withDatabase(db.target) { database in
                    let portfolio = try await Catalogue.findPortfolio(database, name: portfolio)
                    return try await Structure.createProgramme(
                        database, CLI.actor, portfolioID: portfolio.info.id, name: name, kind: kind,
                        clinicalLead: clinicalLead, headOfService: headOfService)
                }
                print("Added the programme \(programme.name) to \(portfolio).")
            }
        }
    }
}

struct ProjectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project", abstract: "Add a project or sub-item.",
        subcommands: [Add.self])

    struct Add: AsyncParsableCommand {
        @Option var portfolio: String
        @Option var programme: String
        @Option var title: String
        @Option var reference: String?
        @Option var sro: String?
        @Option var lead: String?
        @Option(help: "The reference of the project this is a sub-item of.") var parent: String?
        @OptionGroup var db: DatabaseOption

        func run() async throws {
            try await CLI.run {
                let project = try await Storage.withDatabase(db.target) { database in
                    let portfolio = try await Catalogue.findPortfolio(database, name: portfolio)
                    guard
                        let programme = try await Catalogue.programmes(database, portfolioID: portfolio.info.id)
                            .first(where: { $0.name.lowercased() == self.programme.lowercased() })
                    else {
                        throw DomainError.notFound("programme “\(self.programme)” in \(portfolio.info.name)")
                    }
                    var parentID: UUID?
                    if let parent {
                        guard
                            let found = try await Catalogue.projects(database, portfolioID: portfolio.info.id)
                                .first(where: { $0.reference == parent })
                        else { throw DomainError.notFound("project \(parent)") }
                        parentID = found.id
                    }
                    return try await Structure.createProject(
                        database, CLI.actor, programmeID: programme.id, parentID: parentID,
                        reference: reference, title: title, sro: sro, lead: lead)
                }
                print("Added \(project.reference.map { "\($0) " } ?? "")\(project.title).")
            }
        }
    }
}
