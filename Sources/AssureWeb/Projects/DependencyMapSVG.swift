import AssureCore
import Foundation
import Plot

/// A dependency map drawn as inline SVG: a box per milestone (or project as a whole), an arrow from what is waited on
/// to what waits. Red for a dependency at risk and its dependant, amber for what the risk knocks on to; a dashed box
/// for a project of another programme. Each box links to its project and carries its whole name as a tooltip, and the
/// list beside the map says the same in words for those who cannot see it.
enum DependencyMapSVG {
    /// Characters that fit a line of a box at the map's font size.
    static let lineLength = 34

    static func render(_ map: DependencyMap, title: String) -> HTMLNode {
        let width = DependencyMap.nodeWidth
        let height = DependencyMap.nodeHeight
        var children: [HTMLNode] = [
            el("title", text: title),
            el(
                "defs", [],
                ["arrow": "#505a5f", "arrow-risk": "#d4351c"].sorted { $0.key < $1.key }.map { id, colour in
                    el(
                        "marker",
                        [
                            ("id", id), ("viewBox", "0 0 10 10"), ("refX", "10"), ("refY", "5"),
                            ("markerWidth", "9"), ("markerHeight", "9"), ("markerUnits", "userSpaceOnUse"),
                            ("orient", "auto-start-reverse"),
                        ], [el("path", [("d", "M 0 0 L 10 5 L 0 10 z"), ("fill", colour)])])
                }),
        ]
        for edge in map.edges {
            let from = map.nodes[edge.from]
            let to = map.nodes[edge.to]
            let (x1, y1) = (from.x + width, from.y + height / 2)
            let (x2, y2) = (to.x, to.y + height / 2)
            let bend = max(20, (x2 - x1) / 2)
            children.append(
                el(
                    "path",
                    [
                        ("d", "M \(x1) \(y1) C \(x1 + bend) \(y1), \(x2 - bend) \(y2), \(x2) \(y2)"),
                        ("fill", "none"), ("stroke", edge.risk == nil ? "#505a5f" : "#d4351c"),
                        ("stroke-width", edge.risk == nil ? "1.5" : "2.5"),
                        ("marker-end", edge.risk == nil ? "url(#arrow)" : "url(#arrow-risk)"),
                        ("class", edge.risk == nil ? "dependency-edge" : "dependency-edge at-risk"),
                    ]))
        }
        for node in map.nodes {
            let (fill, stroke) =
                switch node.standing {
                case .atRisk: ("#f6d7d2", "#d4351c")
                case .knockOn: ("#fff2d3", "#f47738")
                case .clear: (node.outside ? "#f3f2f1" : "#ffffff", "#505a5f")
                }
            let whole = node.project + (node.milestone.map { ": \($0)" } ?? " (the project as a whole)")
            children.append(
                el(
                    "a", [("href", Link.project(project: node.end.projectID).path)],
                    [
                        el("title", text: whole),
                        el(
                            "rect",
                            [
                                ("x", "\(node.x)"), ("y", "\(node.y)"), ("width", "\(width)"), ("height", "\(height)"),
                                ("rx", "4"), ("fill", fill), ("stroke", stroke),
                                ("stroke-width", node.standing == .clear ? "1" : "2"),
                                ("stroke-dasharray", node.outside ? "4 3" : nil),
                                ("class", "dependency-node \(classOf(node.standing))"),
                            ]),
                        el(
                            "text",
                            [
                                ("x", "\(node.x + 8)"), ("y", "\(node.y + 19)"), ("font-size", "12"),
                                ("font-weight", "bold"), ("fill", "#0b0c0c"),
                            ], text: clipped(node.project)),
                    ]
                        + wrapped(node.milestone ?? "The project as a whole", lines: 2).enumerated().map {
                            index, line in
                            el(
                                "text",
                                [
                                    ("x", "\(node.x + 8)"), ("y", "\(node.y + 37 + index * 15)"), ("font-size", "12"),
                                    ("fill", "#0b0c0c"),
                                ], text: line)
                        }))
        }
        return el(
            "svg",
            [
                ("xmlns", "http://www.w3.org/2000/svg"), ("class", "dependency-map"), ("role", "img"),
                ("width", "\(map.width)"), ("height", "\(map.height)"),
                ("viewBox", "0 0 \(map.width) \(map.height)"),
            ], children)
    }

    static func classOf(_ standing: DependencyMap.Standing) -> String {
        switch standing {
        case .clear: "clear"
        case .atRisk: "at-risk"
        case .knockOn: "knock-on"
        }
    }

    /// A line cut to fit its box, ending in an ellipsis where cut.
    static func clipped(_ text: String) -> String {
        text.count <= lineLength ? text : String(text.prefix(lineLength - 1)).trimmingCharacters(in: .whitespaces) + "…"
    }

    /// Text broken between words into at most `lines` lines that fit the box, the last clipped if more is left.
    static func wrapped(_ text: String, lines: Int) -> [String] {
        var result: [String] = []
        var current = ""
        var words = text.split(separator: " ").map(String.init)[...]
        while let word = words.first, result.count < lines - 1 {
            let next = current.isEmpty ? word : current + " " + word
            if next.count > lineLength, !current.isEmpty {
                result.append(current)
                current = ""
            } else {
                current = next
                words = words.dropFirst()
            }
        }
        let rest = ([current] + words).filter { !$0.isEmpty }.joined(separator: " ")
        return result + (rest.isEmpty ? [] : [clipped(rest)])
    }
}
