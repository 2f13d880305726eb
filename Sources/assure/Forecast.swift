import ArgumentParser
import AssureApp
import AssureCore
import AssureStorage
import Foundation

struct ForecastCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast", abstract: "Milestones likely to slip: the latest forecasts, and the backtest.",
        subcommands: [ForecastListCommand.self, ForecastRefitCommand.self, ForecastBacktestCommand.self])
}

/// The forecasts made when the portfolio's latest period was published, likeliest first, as the pages show them.
struct ForecastListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Each open milestone's chance of slipping before the next period.")
    @Option(help: "The portfolio's name.") var portfolio: String
    @ArgumentParser.Flag(help: "Only those at 50% or more.") var likely = false
    @OptionGroup var db: DatabaseOption

    func run() async throws {
        try await CLI.run {
            try await Storage.withDatabase(db.target) { database in
                let found = try await Catalogue.findPortfolio(database, name: portfolio)
                guard found.slipForecastShown else {
                    print("\(found.info.name): the slip forecast is switched off.")
                    return
                }
                guard let period = found.latestPublished else {
                    print("\(found.info.name): no period is published yet.")
                    return
                }
                let forecasts = try await SlipForecasts.latest(database, portfolio: found, likelyOnly: likely)
                if forecasts.isEmpty {
                    print("\(found.info.name): no forecast at \(period.label) (too little history, or none open).")
                }
                for forecast in forecasts {
                    print(
                        "\(forecast.projectName) | \(forecast.milestone) | due \(forecast.dueBy.iso) | \(forecast.words)"
                    )
                }
            }
        }
    }
}

/// The refit a publication starts, run again: after a refit that failed or was interrupted (the server stopped while it
/// ran in the background), or to time it.
struct ForecastRefitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refit", abstract: "Refit the slip forecast at the portfolio's latest published period.")
    @Option(help: "The portfolio's name.") var portfolio: String
    @OptionGroup var db: DatabaseOption

    func run() async throws {
        try await CLI.run {
            try await Storage.withDatabase(db.target) { database in
                let found = try await Catalogue.findPortfolio(database, name: portfolio)
                guard let period = found.latestPublished else {
                    print("\(found.info.name): no period is published yet.")
                    return
                }
                let started = ContinuousClock.now
                let count = try await PeriodLifecycle.refitForecast(database, periodID: period.id)
                let took = ContinuousClock.now - started
                print(
                    "\(found.info.name), \(period.label): "
                        + (count.map { "\($0) open milestones forecast" }
                            ?? "nothing forecast (too little history, or none open)")
                        + " in \(took.formatted(.units(allowed: [.seconds], fractionalPart: .show(length: 2))))")
            }
        }
    }
}

/// FORECAST.md's figures: the forecast rolled forward over a portfolio's published history, or over a simulated one
/// whose slips have causes the forecast never sees, beside the base rate and "slipped before".
struct ForecastBacktestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backtest",
        abstract: "Fit on the periods up to each period, forecast its open milestones, score them on the next.")
    @Option(help: "A portfolio's published periods, in order (else a simulated history).") var portfolio: String?
    @Option(help: "Simulated: programmes.") var programmes = 12
    @Option(help: "Simulated: projects per programme.") var projects = 10
    @Option(help: "Simulated: milestones per project.") var milestones = 4
    @Option(help: "Simulated: monthly periods.") var periods = 24
    @Option(help: "Simulated: the seed.") var seed: UInt64 = 2016
    @Option(help: "Periods that only train before the first forecast.") var warmUp = 3
    @OptionGroup var db: DatabaseOption

    func run() async throws {
        try await CLI.run {
            let history: [PeriodMilestones]
            if let portfolio {
                history = try await Storage.withDatabase(db.target) { database in
                    let found = try await Catalogue.findPortfolio(database, name: portfolio)
                    var history: [PeriodMilestones] = []
                    for period in found.periods.filter({ $0.status == .published }).sorted(by: { $0.asAt < $1.asAt }) {
                        history.append(PeriodMilestones(try await Reports.report(database, periodID: period.id)))
                    }
                    return history
                }
                print("\(portfolio): \(history.count) published periods")
            } else {
                history = SlipSimulation(
                    programmes: programmes, projectsPerProgramme: projects, milestonesPerProject: milestones,
                    periods: periods, seed: seed
                ).history()
                print(
                    "Simulated: \(programmes) programmes × \(projects) projects × \(milestones) milestones, "
                        + "\(periods) months, seed \(seed)")
            }
            let result = SlipBacktest.run(history, warmUp: warmUp)
            guard result.forecasts > 0 else {
                print("Too few periods to backtest: the first \(warmUp) only train, and each forecast needs the next.")
                return
            }
            print(
                "\(result.periodsForecast) periods forecast, \(result.forecasts) open milestones, "
                    + String(format: "%.1f%% slipped by the next period", result.slipRate * 100))
            print("| forecast | Brier (lower is better) | AUC (0.5 is guessing) |")
            print("| --- | --- | --- |")
            for score in result.scores {
                print(
                    "| \(score.name) | \(String(format: "%.3f", score.brier)) | \(String(format: "%.3f", score.auc)) |")
            }
        }
    }
}
