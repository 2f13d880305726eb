import AssureCore
import Foundation
import Testing

@Suite("Trimming cells")
struct TrimmingTests {
    @Test("Trims what Foundation trims, with and without newlines")
    func asFoundation() {
        let texts = [
            "", " ", "  Green ", "\tAmber\t", "\n Red \r\n", "\u{00A0}No-break\u{00A0}", "\u{2003}em space\u{3000}",
            "\u{2028}line\u{2029}", "\u{85}next\u{0B}\u{0C}", "inner  space kept", "é ", " 🟢",
            "\u{200B}zero width\u{200B}",
            "a", "\u{FEFF}bom", " \n ",
        ]
        // and every character on its own, at both ends
        let each = (0...0x3000).compactMap(Unicode.Scalar.init).map { "\($0)x\($0)" }
        for text in texts + each {
            #expect(text.trimmed() == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            #expect(
                text.trimmed(newlines: true) == text.trimmingCharacters(in: .whitespacesAndNewlines),
                "\(text.debugDescription)")
        }
    }
}
