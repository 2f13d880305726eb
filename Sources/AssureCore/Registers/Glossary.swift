import Foundation

/// An abbreviation and what it stands for, as the papers' tables of abbreviations give them.
public struct GlossaryEntry: Codable, Hashable, Sendable {
    public var abbreviation: String
    public var expansion: String

    public init(abbreviation: String, expansion: String) {
        self.abbreviation = abbreviation
        self.expansion = expansion
    }

    /// Field → message for a glossary form: both parts required, an abbreviation is one short word.
    public static func validate(abbreviation: String, expansion: String) -> [String: String] {
        var errors: [String: String] = [:]
        let abbreviation = abbreviation.trimmingCharacters(in: .whitespaces)
        if abbreviation.isEmpty {
            errors["abbreviation"] = "Give the abbreviation."
        } else if abbreviation.count > 20 || abbreviation.contains(where: \.isWhitespace) {
            errors["abbreviation"] = "An abbreviation is one word of up to 20 characters."
        }
        if expansion.trimmingCharacters(in: .whitespaces).isEmpty {
            errors["expansion"] = "Say what it stands for."
        } else if expansion.count > 300 {
            errors["expansion"] = "Keep the expansion under 300 characters."
        }
        return errors
    }
}

public enum Glossary {
    /// The entries whose abbreviation appears in the text as a whole word (case as written: "ED" is not "Ed"),
    /// in alphabetical order: a paper's table of abbreviations.
    public static func used(in text: String, from entries: [GlossaryEntry]) -> [GlossaryEntry] {
        var words: Set<Substring> = []
        var current = text.startIndex
        var start: String.Index?
        while current < text.endIndex {
            let character = text[current]
            if character.isLetter || character.isNumber || character == "&" {
                if start == nil { start = current }
            } else if let first = start {
                words.insert(text[first..<current])
                start = nil
            }
            current = text.index(after: current)
        }
        if let first = start { words.insert(text[first...]) }
        return entries.filter { words.contains(Substring($0.abbreviation)) }
            .sorted { $0.abbreviation.lowercased() < $1.abbreviation.lowercased() }
    }

    public static func table(_ entries: [GlossaryEntry], title: String = "Table of Abbreviations") -> ReportTable {
        ReportTable(
            title: title, columns: ["Abbreviation", "Meaning"],
            rows: entries.map { [.init($0.abbreviation), .init($0.expansion)] })
    }
}
