import Foundation

/// Values of custom attributes as spreadsheets write them: "1,250,000", "£6.8m" is not a number but "£6,800,000" is,
/// "None" and "N/A" are empty, "(1,200)" is negative.
public enum CellValues {
    public static func isNone(_ cell: TableCell) -> Bool {
        if cell.isBlank { return true }
        guard case .text(let text) = cell else { return false }
        return ["none", "n/a", "na", "-", "–", "null", "nil"].contains(
            text.trimmed().lowercased())
    }

    static let currencySigns: Set<Character> = ["£", "$", "€"]

    public static func number(_ cell: TableCell) -> Double? {
        switch cell {
        case .number(let value): return value
        case .text(let text):
            var body = text.trimmed()
            var negative = false
            if body.hasPrefix("("), body.hasSuffix(")") { negative = true; body = String(body.dropFirst().dropLast()) }
            if body.hasPrefix("-") { negative.toggle(); body.removeFirst() }
            body.removeAll { currencySigns.contains($0) || $0 == " " }
            guard !body.isEmpty, body.first!.isNumber || body.first == "." else { return nil }
            let groups = body.split(separator: ".", omittingEmptySubsequences: false)
            guard groups.count <= 2 else { return nil }
            let whole = groups[0].split(separator: ",", omittingEmptySubsequences: false)
            // Thousands separators must group by three: "1,25" is not a number here.
            if whole.count > 1,
                whole.dropFirst().contains(where: { $0.count != 3 }) || whole[0].isEmpty || whole[0].count > 3
            {
                return nil
            }
            guard let value = Double(body.replacingOccurrences(of: ",", with: "")) else { return nil }
            return negative ? -value : value
        default: return nil
        }
    }

    public static func date(_ cell: TableCell) -> CalendarDate? {
        switch cell {
        case .date(let date): return date
        case .text(let text):
            if let iso = CalendarDate(iso: text.trimmed()) { return iso }
            guard let parsed = DateText(text).parsed, parsed.precision == .day, parsed.qualifier == nil else {
                return nil
            }
            return parsed.dueBy
        default: return nil
        }
    }

    static func mentionsMoney(_ text: String) -> Bool { text.contains { currencySigns.contains($0) } }

    public static func kind(of cells: [TableCell], header: String) -> AttributeKind {
        guard !cells.isEmpty else { return .text }
        if cells.allSatisfy({ date($0) != nil }) { return .date }
        if cells.allSatisfy({ number($0) != nil }) {
            let money = mentionsMoney(header) || cells.contains { mentionsMoney($0.text) }
            return money ? .money : .number
        }
        return .text
    }

    public static func value(
        _ cell: TableCell, as kind: AttributeKind
    ) -> Result<(text: String, number: Double?), ImportProblem> {
        switch kind {
        case .text: return .success((cell.text, nil))
        case .number, .money:
            guard let value = number(cell) else {
                return .failure(ImportProblem(row: nil, column: nil, "“\(cell.text)” is not a number."))
            }
            return .success((TableCell.format(value), value))
        case .date:
            guard let day = date(cell) else {
                return .failure(
                    ImportProblem(row: nil, column: nil, "“\(cell.text)” is not a date (a day such as 31/03/2017)."))
            }
            return .success((day.iso, nil))
        }
    }
}
