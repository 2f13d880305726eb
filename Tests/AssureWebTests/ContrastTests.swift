import AssureCore
import AssureDemo
import AssureOutput
import Foundation
import Testing

@testable import AssureWeb

/// Every rating colour must be readable: WCAG AA asks for a contrast of at least 4.5 between text and background.
@Suite("Rating colours pass WCAG AA")
struct ContrastTests {
    /// `.rag-green { background: #007f3b; color: #fff; }` → ("green", background, text).
    static let rules: [String: (background: String, text: String)] = {
        var result: [String: (String, String)] = [:]
        for match in Stylesheet.css.matches(
            of: #/\.rag-([a-z-]+) \{ background: (#[0-9a-f]{3,6}); color: (#[0-9a-f]{3,6});/#)
        {
            result[String(match.1)] = (String(match.2), String(match.3))
        }
        return result
    }()

    @Test(
        "Each level of both scales has a colour rule",
        arguments: RatingScale.threePoint.levels + RatingScale.fivePoint.levels)
    func everyLevelHasAColour(level: RatingLevel) {
        #expect(Self.rules[level.code] != nil, "no .rag-\(level.code) rule")
    }

    @Test("Text on each rating colour has a contrast of at least 4.5:1")
    func contrast() throws {
        #expect(Self.rules.count >= 7)
        for (code, colours) in Self.rules {
            let ratio = Self.contrast(colours.background, colours.text)
            #expect(ratio >= 4.5, ".rag-\(code): \(colours.text) on \(colours.background) is \(ratio):1")
        }
    }

    @Test(
        "Every stroke and label colour of the outcome chart stands out from white by at least 3:1 (lines) or 4.5:1 (text)"
    )
    func chartColours() throws {
        // given the chart of one of the demo's measures
        let measure = try #require(Outcomes2016.measures.first)
        let svg = Layout.render(ViewSnapshotTests.pmo, [OutcomePages.chart(measure)])
        let strokes = Set(svg.matches(of: #/stroke="(#[0-9a-f]{6})"/#).map { String($0.1) }).subtracting([
            "#d8dde0", "#ffffff",
        ])
        let fills = Set(svg.matches(of: #/fill="(#[0-9a-f]{6})"/#).map { String($0.1) })
        #expect(!strokes.isEmpty)
        for colour in strokes {
            #expect(Self.contrast(colour, "#fff") >= 3, "line \(colour) is \(Self.contrast(colour, "#fff")):1 on white")
        }
        for colour in fills {
            #expect(
                Self.contrast(colour, "#fff") >= 4.5, "text \(colour) is \(Self.contrast(colour, "#fff")):1 on white")
        }
    }

    @Test("The contrast formula agrees with known values")
    func formula() {
        #expect(abs(Self.contrast("#000", "#fff") - 21) < 0.01)
        #expect(abs(Self.contrast("#777777", "#fff") - 4.48) < 0.01)
    }

    static func contrast(_ a: String, _ b: String) -> Double {
        let (la, lb) = (luminance(a), luminance(b))
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    static func luminance(_ hex: String) -> Double {
        var digits = String(hex.dropFirst())
        if digits.count == 3 { digits = digits.map { "\($0)\($0)" }.joined() }
        let value = Int(digits, radix: 16)!
        let bytes: [Int] = [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff]
        let channels: [Double] = bytes.map { byte in
            let c = Double(byte) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let red: Double = 0.2126 * channels[0]
        let green: Double = 0.7152 * channels[1]
        let blue: Double = 0.0722 * channels[2]
        return red + green + blue
    }
}
