import AssureCore
import AssureOutput
import Plot

/// Each milestone's baseline and re-forecasts as a small SVG timeline, made on the server (no script), with the
/// same facts in a table beside it for screen readers and print.
enum MilestoneTimeline {
    static let width = 760.0, labelWidth = 260.0, rowHeight = 30.0, margin = 16.0

    static func render(_ tracks: [MilestoneTrack]) -> HTMLNode {
        guard !tracks.isEmpty else { return txt("") }
        return el(
            "section", [],
            [
                el("h2", text: "Milestone slippage"),
                svg(tracks),
                table(tracks),
            ])
    }

    static func table(_ tracks: [MilestoneTrack]) -> HTMLNode {
        el(
            "table", [],
            [
                el(
                    "thead", [],
                    [
                        el(
                            "tr", [],
                            ["Milestone", "Baseline", "Latest forecast", "Moves", "Slipped", "Completed"]
                                .map { columnHeader($0) })
                    ]),
                el(
                    "tbody", [],
                    tracks.map { track in
                        el(
                            "tr", [],
                            [
                                el("td", text: track.title),
                                el("td", text: "\(track.baseline.date.written) (\(track.baseline.periodLabel))"),
                                el("td", text: "\(track.latest.date.written) (\(track.latest.periodLabel))"),
                                el("td", text: String(track.moves)),
                                el(
                                    "td",
                                    text: track.slipDays.map {
                                        $0 == 0 ? "—" : $0 > 0 ? "\($0) days later" : "\(-$0) days earlier"
                                    } ?? "dates not readable"),
                                el("td", text: track.completedIn?.periodLabel ?? ""),
                            ])
                    }),
            ])
    }

    static func svg(_ tracks: [MilestoneTrack]) -> HTMLNode {
        let days = tracks.flatMap { $0.points.compactMap { $0.date.parsed?.dueBy } }
        guard let first = days.min(), let last = days.max() else { return txt("") }
        let span = Double(max(first.days(until: last), 30))
        let left = labelWidth + margin, right = width - margin
        func x(_ day: CalendarDate) -> Double { left + Double(first.days(until: day)) / span * (right - left) }
        let height = Double(tracks.count) * rowHeight + 40
        var shapes: [HTMLNode] = [el("title", text: "Milestone dates: baseline (hollow) and each re-forecast (filled)")]
        for (index, track) in tracks.enumerated() {
            let y = 20 + Double(index) * rowHeight
            let label = track.title.count > 42 ? String(track.title.prefix(40)) + "…" : track.title
            shapes.append(el("text", [("x", "0"), ("y", fmt(y + 4)), ("class", "tl-label")], text: label))
            let xs = track.points.compactMap { $0.date.parsed?.dueBy }.map(x)
            if let low = xs.min(), let high = xs.max(), high > low {
                shapes.append(
                    el(
                        "line",
                        [("x1", fmt(low)), ("y1", fmt(y)), ("x2", fmt(high)), ("y2", fmt(y)), ("class", "tl-slip")]))
            }
            for (pointIndex, point) in track.points.enumerated() {
                guard let day = point.date.parsed?.dueBy else { continue }
                let isBaseline = pointIndex == 0
                let done = track.completedIn != nil && pointIndex == track.points.count - 1
                shapes.append(
                    el(
                        "circle",
                        [
                            ("cx", fmt(x(day))), ("cy", fmt(y)), ("r", "6"),
                            ("class", done ? "tl-done" : isBaseline ? "tl-baseline" : "tl-forecast"),
                        ],
                        [
                            el(
                                "title",
                                text:
                                    "\(isBaseline ? "Baseline" : "Re-forecast") \(point.date.written), reported \(point.periodLabel)"
                            )
                        ]))
            }
        }
        let axisY = height - 12
        shapes.append(el("text", [("x", fmt(left)), ("y", fmt(axisY)), ("class", "tl-axis")], text: first.longDisplay))
        shapes.append(
            el(
                "text", [("x", fmt(right)), ("y", fmt(axisY)), ("class", "tl-axis"), ("text-anchor", "end")],
                text: last.longDisplay))
        return el(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(fmt(width)) \(fmt(height))"),
                ("class", "timeline"), ("role", "img"),
            ], shapes)
    }

    static func fmt(_ value: Double) -> String { String(Int(value.rounded())) }
}
