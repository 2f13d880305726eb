import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Foundation
import Plot
import Vapor

/// The portfolio a meeting, prioritisation or funding round belongs to: chosen on its form, shown beside it, and the
/// only portfolio whose board papers may draw on it.
enum RegisterScope {
    static let noneLabel = "None (not in any board paper)"

    static func select(_ portfolios: [PortfolioInfo], values: [String: String], errors: [String: String]) -> HTMLNode {
        FormViews.select(
            "portfolio", label: "Portfolio whose board papers show it", options: portfolios.map(\.name),
            selected: values["portfolio"] ?? "", errors: errors, blank: noneLabel)
    }

    /// For the PMO: the portfolio an entry belongs to, changed in place.
    static func form(_ target: Link, current: UUID?, portfolios: [PortfolioInfo], csrf: String) -> HTMLNode {
        let selected = portfolios.first { $0.id == current }?.name ?? ""
        return postForm(
            target.path, csrf: csrf, class: "inline no-print",
            [
                FormViews.select(
                    "portfolio", label: nil, options: portfolios.map(\.name), selected: selected, errors: [:],
                    blank: noneLabel),
                button("Change portfolio", class: "button secondary"),
            ])
    }

    /// "Portfolio: Our Dorset ICS", or that it is in no portfolio's papers.
    static func line(_ id: UUID?, in portfolios: [PortfolioInfo]) -> String {
        "Portfolio: " + (portfolios.first { $0.id == id }?.name ?? "none (not in any board paper)")
    }

    /// " · Our Dorset ICS", or " · no portfolio" for an entry no paper may use.
    static func label(_ id: UUID?, in portfolios: [PortfolioInfo]) -> String {
        " · " + (portfolios.first { $0.id == id }?.name ?? "no portfolio")
    }
}

extension Request {
    /// Every portfolio, for the registers' portfolio choice.
    func portfolioChoices() async throws -> [PortfolioInfo] {
        try await Catalogue.portfolios(db).map(\.info)
    }

    /// The portfolio a register form's "portfolio" field names; nil for none; an unknown name is a field error.
    func chosenPortfolio(named text: String?) async throws -> UUID? {
        let name = (text ?? "").trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name != RegisterScope.noneLabel else { return nil }
        guard let found = try await portfolioChoices().first(where: { $0.name == name }) else {
            throw DomainError.invalid(["portfolio": "Choose a portfolio from the list."])
        }
        return found.id
    }
}
