import AssureApp
import AssureCore
import AssureOutput
import AssureStorage
import Foundation
import Plot

/// Outcome measures: the list with each one's latest rating, and a measure's chart of actual against trajectory.
enum OutcomePages {
    static func list(
        _ measures: [OutcomeMeasure], canEdit: Bool, returned: ReturnedForm?, _ context: PageContext
    ) -> String {
        var nodes: [HTMLNode] = [
            el("h1", text: "Outcome measures"),
            el(
                "p", [("class", "lede")],
                text:
                    "Each measure's latest actual is rated against its trajectory for the same period: on or better is Green, up to 5% worse Amber, further Red."
            ),
            el("p", [("class", "actions no-print")], [downloadLinks(Link.outcomes.path)]),
            ReportTableView.render(
                OutcomesReport.table(measures), projectLink: { UUID(uuidString: $0).map { Link.outcome(id: $0).path } }),
        ]
        nodes += measures.map {
            el(
                "figure", [],
                [
                    chart($0),
                    el("figcaption", text: $0.name + ($0.actualsAreIllustrative ? " (actuals illustrative)" : "")),
                ])
        }
        if canEdit {
            let values = returned?.values ?? [:], errors = returned?.errors ?? [:]
            nodes.append(
                el(
                    "section", [("class", "no-print")],
                    [
                        el("h2", text: "Add a measure"),
                        FormViews.errorSummary(errors),
                        postForm(
                            Link.outcomes.path, csrf: context.csrf,
                            [
                                FormViews.textField(
                                    "name", label: "Measure", value: values["name"] ?? "", errors: errors),
                                FormViews.textField(
                                    "programme", label: "Programme", value: values["programme"] ?? "", errors: errors),
                                FormViews.textField("unit", label: "Unit", value: values["unit"] ?? "", errors: errors),
                                FormViews.select(
                                    "direction", label: "Better is", options: OutcomeDirection.allCases.map(\.rawValue),
                                    selected: values["direction"] ?? OutcomeDirection.higherIsBetter.rawValue,
                                    errors: errors),
                                FormViews.textField(
                                    "baseline", label: "Baseline", hint: "Optional", value: values["baseline"] ?? "",
                                    errors: errors),
                                FormViews.textField(
                                    "target", label: "Target", value: values["target"] ?? "", errors: errors),
                                FormViews.textField(
                                    "targetDate", label: "Target date", value: values["targetDate"] ?? "", type: "date",
                                    errors: errors),
                                el("div", [("class", "actions")], [button("Add measure")]),
                            ]),
                    ]))
        }
        return Layout.render(context, nodes)
    }

    static func detail(
        _ measure: OutcomeMeasure, canEdit: Bool, values: [String: String], errors: [String: String],
        _ context: PageContext
    ) -> String {
        var context = context
        context.breadcrumbs = [("Outcome measures", Link.outcomes.path)]
        var nodes: [HTMLNode] = [
            el("h1", text: measure.name),
            el(
                "p", [("class", "lede")],
                text:
                    "\(measure.programme) · \(measure.direction == .lowerIsBetter ? "lower" : "higher") is better · target "
                    + "\(OutcomeMeasure.format(measure.target)) \(measure.unit) by \(measure.targetDate.longDisplay)"
                    + (measure.baseline.map { " · baseline \(OutcomeMeasure.format($0)) \(measure.unit)" } ?? "")),
            chart(measure),
            ReportTableView.render(OutcomesReport.points(measure), projectLink: { _ in nil }),
        ]
        if canEdit {
            nodes.append(
                el(
                    "section", [("class", "no-print")],
                    [
                        el("h2", text: "Record a value"),
                        FormViews.errorSummary(errors),
                        postForm(
                            Link.outcome(id: measure.id).path, csrf: context.csrf,
                            [
                                FormViews.textField(
                                    "period", label: "Period", hint: "YYYY-MM", value: values["period"] ?? "",
                                    errors: errors),
                                FormViews.select(
                                    "kind", label: "Value", options: Outcomes.Kind.allCases.map(\.rawValue),
                                    selected: values["kind"] ?? "actual", errors: errors),
                                FormViews.textField(
                                    "value", label: "Value (\(measure.unit))", value: values["value"] ?? "",
                                    errors: errors),
                                el("div", [("class", "actions")], [button("Save")]),
                            ]),
                    ]))
        }
        return Layout.render(context, nodes)
    }

    /// Actual (solid) against trajectory (dashed) per period, with the target as a line; server-side SVG. The value
    /// axis starts at zero for measures that cannot go below it, with gridlines at round numbers, so that a 1% dip
    /// looks like one; months are written as a board reads them ("Mar 2017").
    static func chart(_ measure: OutcomeMeasure) -> HTMLNode {
        let periods = measure.periods
        let width = 560.0, height = 240.0, left = 56.0, right = 20.0, top = 20.0, bottom = 40.0
        let values =
            Array(measure.trajectory.values) + Array(measure.actuals.values) + [measure.target]
            + (measure.baseline.map { [$0] } ?? [])
        let axis = ValueAxis(low: values.min() ?? 0, high: values.max() ?? 1)
        func x(_ index: Int) -> Double {
            left + (width - left - right) * (periods.count > 1 ? Double(index) / Double(periods.count - 1) : 0.5)
        }
        func y(_ value: Double) -> Double {
            top + (height - top - bottom) * (1 - (value - axis.floor) / (axis.ceiling - axis.floor))
        }
        func points(_ series: [String: Double]) -> String {
            periods.enumerated().compactMap { index, period in series[period].map { "\(Int(x(index))),\(Int(y($0)))" } }
                .joined(separator: " ")
        }
        var parts: [HTMLNode] = [el("title", text: "\(measure.name): actual against trajectory and target")]
        for tick in axis.ticks {
            parts.append(
                el(
                    "line",
                    [
                        ("x1", String(Int(left))), ("x2", String(Int(width - right))), ("y1", String(Int(y(tick)))),
                        ("y2", String(Int(y(tick)))), ("stroke", "#d8dde0"), ("stroke-width", "1"),
                    ]))
            parts.append(
                el(
                    "text",
                    [
                        ("x", String(Int(left - 6))), ("y", String(Int(y(tick)) + 4)), ("text-anchor", "end"),
                        ("font-size", "11"),
                    ], text: OutcomeMeasure.format(tick)))
        }
        let targetY = y(measure.target)
        parts += [
            el(
                "line",
                [
                    ("x1", String(Int(left))), ("x2", String(Int(width - right))), ("y1", String(Int(targetY))),
                    ("y2", String(Int(targetY))), ("stroke", "#007f3b"), ("stroke-width", "2"),
                ]),
            el(
                "polyline",
                [
                    ("points", points(measure.trajectory)), ("fill", "none"), ("stroke", "#4c6272"),
                    ("stroke-width", "2"), ("stroke-dasharray", "6 4"),
                ]),
            el(
                "polyline",
                [("points", points(measure.actuals)), ("fill", "none"), ("stroke", "#005eb8"), ("stroke-width", "3")]),
            // The target's label sits at the left, on a white halo, so neither series is written over.
            el(
                "text",
                [
                    ("x", String(Int(left + 4))), ("y", String(Int(targetY < top + 14 ? targetY + 14 : targetY - 5))),
                    ("font-size", "12"), ("fill", "#00401e"), ("stroke", "#fff"), ("stroke-width", "4"),
                    ("paint-order", "stroke"),
                ],
                text: "Target \(OutcomeMeasure.format(measure.target))"),
        ]
        for (index, period) in periods.enumerated() where index % max(1, periods.count / 6) == 0 {
            parts.append(
                el(
                    "text",
                    [
                        ("x", String(Int(x(index)))), ("y", String(Int(height - bottom + 18))),
                        // The last month ends at the plot's edge rather than running past it.
                        ("text-anchor", index == periods.count - 1 && periods.count > 1 ? "end" : "middle"),
                        ("font-size", "11"),
                    ], text: monthLabel(period)))
        }
        parts.append(
            el(
                "text", [("x", String(Int(left))), ("y", String(Int(height - 6))), ("font-size", "11")],
                text: "Solid: actual · dashed: trajectory · green: target (\(measure.unit))"))
        return el(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(Int(width)) \(Int(height))"),
                ("width", String(Int(width))), ("height", String(Int(height))), ("role", "img"),
                ("aria-label", "\(measure.name): actual against trajectory and target"), ("class", "outcome-chart"),
            ], parts)
    }

    /// "2017-03" → "Mar 2017"; anything else as written.
    static func monthLabel(_ key: String) -> String {
        guard let period = PeriodKey(key) else { return key }
        return "\(CalendarDate.monthNames[period.month - 1].prefix(3)) \(period.year)"
    }
}

/// A value axis with round gridlines: from zero when no value is below it, else from a round number under the lowest.
struct ValueAxis {
    let floor: Double
    let ceiling: Double
    let step: Double

    init(low: Double, high: Double, lines: Double = 4) {
        let bottom = low >= 0 ? 0 : low
        let range = max(high - bottom, 1e-9)
        let raw = range / lines
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        let normalised = raw / magnitude
        step = (normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 5 ? 5 : 10) * magnitude
        floor = (bottom / step).rounded(.down) * step
        ceiling = max((high / step).rounded(.up) * step, floor + step)
    }

    var ticks: [Double] { stride(from: floor, through: ceiling + step / 2, by: step).map { $0 } }
}
