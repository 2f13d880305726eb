import Foundation

/// The rows an open period's dashboard is built from, read by the database's own command-line client: the least any
/// program must spend to produce that dashboard (the "floor" the benchmark compares with).
enum FloorQuery {
    static func sql(portfolio: UUID, open: UUID, previous: UUID?) -> String {
        func literal(_ id: UUID) -> String { "'\(id.uuidString)'" }
        let periods = [open] + (previous.map { [$0] } ?? [])
        var statements = [
            "SELECT id, name, kind, clinical_lead_id, head_of_service_id, head_of_service_title FROM programmes WHERE portfolio_id = \(literal(portfolio)) ORDER BY sort_order",
            "SELECT p.* FROM projects p JOIN programmes g ON g.id = p.programme_id WHERE g.portfolio_id = \(literal(portfolio))",
            "SELECT id, name FROM people",
        ]
        for period in periods {
            statements.append(
                "SELECT project_id, rating, reported_trend, update_text, mitigation, submitted_by, submitted_at, state FROM returns WHERE period_id = \(literal(period))"
            )
            statements.append(
                "SELECT r.project_id, m.title, m.date_text, m.rating FROM return_milestones m JOIN returns r ON r.id = m.return_id WHERE r.period_id = \(literal(period)) ORDER BY m.position"
            )
        }
        if let previous {
            statements.append(
                "SELECT project_id, code, label, rank, meaning FROM period_ratings WHERE period_id = \(literal(previous))"
            )
        }
        statements.append(
            "SELECT project_id, title, baseline_period_key, baseline_date_text, baseline_due_by, latest_due_by, moves FROM milestone_baselines WHERE portfolio_id = \(literal(portfolio))"
        )
        return statements.map { $0 + ";\n" }.joined()
    }
}
