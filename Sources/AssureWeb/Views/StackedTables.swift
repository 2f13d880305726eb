import Foundation

/// On a phone a wide table becomes one block per row, each cell headed by its column's name (the NHS's responsive
/// table). The column names are written into every cell as `data-label` here, once for every page, so that no table
/// built anywhere can miss them; the stylesheet shows them only on narrow screens.
enum StackedTables {
    static func label(_ html: String) -> String {
        guard html.contains("<thead") else { return html }
        var out = ""
        out.reserveCapacity(html.utf8.count + html.utf8.count / 6)
        var rest = html[...]
        while let start = rest.range(of: "<table") {
            out += rest[..<start.lowerBound]
            guard let end = rest.range(of: "</table>", range: start.upperBound..<rest.endIndex) else { break }
            out += labelled(rest[start.lowerBound..<end.upperBound])
            rest = rest[end.upperBound...]
        }
        out += rest
        return out
    }

    /// One table, its body cells given their column's name.
    static func labelled(_ table: Substring) -> String {
        guard let headStart = table.range(of: "<thead"), let headEnd = table.range(of: "</thead>") else {
            return String(table)
        }
        let headers = columnNames(table[headStart.upperBound..<headEnd.lowerBound])
        guard headers.contains(where: { !$0.isEmpty }) else { return String(table) }
        var out = String(table[..<headEnd.upperBound])
        var rest = table[headEnd.upperBound...]
        var column = 0
        while let open = rest.firstRange(of: "<t") {
            out += rest[..<open.lowerBound]
            let tag = rest[open.lowerBound...].prefix(4)
            if tag == "<tr>" || tag == "<tr " {
                column = 0
            } else if tag == "<td>" || tag == "<td " || tag == "<th>" || tag == "<th " {
                let name = column < headers.count ? headers[column] : ""
                out += tag.prefix(3)
                if !name.isEmpty { out += " data-label=\"\(name)\"" }
                let tagEnd = rest[open.lowerBound...].firstIndex(of: ">") ?? rest.endIndex
                column += span(rest[open.lowerBound..<tagEnd])
                rest = rest[rest.index(open.lowerBound, offsetBy: 3)...]
                continue
            }
            out += rest[open.lowerBound..<open.upperBound]
            rest = rest[open.upperBound...]
        }
        out += rest
        return out
    }

    /// The header cells' text (already escaped, tags left out), one entry per column a cell spans.
    static func columnNames(_ head: Substring) -> [String] {
        var names: [String] = []
        var rest = head
        while let open = rest.range(of: "<th"),
            let close = rest.range(of: "</th>", range: open.upperBound..<rest.endIndex)
        {
            let cell = rest[open.lowerBound..<close.lowerBound]
            let tagEnd = cell.firstIndex(of: ">") ?? cell.endIndex
            let text = tagEnd < cell.endIndex ? stripTags(cell[cell.index(after: tagEnd)...]) : ""
            names += Array(repeating: text, count: span(cell[..<tagEnd]))
            rest = rest[close.upperBound...]
        }
        return names
    }

    private static func span(_ tag: Substring) -> Int {
        guard let at = tag.range(of: "colspan=\"") else { return 1 }
        return Int(tag[at.upperBound...].prefix { $0.isNumber }) ?? 1
    }

    private static func stripTags(_ text: Substring) -> String {
        var out = ""
        var inTag = false
        for character in text {
            if character == "<" {
                inTag = true
            } else if character == ">" {
                inTag = false
            } else if !inTag {
                out.append(character)
            }
        }
        return out.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\"", with: "&quot;")
    }
}
