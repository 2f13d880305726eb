import Foundation
import Testing

@testable import AssureCore

@Suite("A dashboard's counts per rating")
struct RatingCountTests {
    @Test(
        "Given rated, carried-forward, unrated and off-scale rows, each is counted once under its level, in scale order"
    )
    func tallyInScaleOrder() {
        let scale = RatingScale.threePoint
        let green = scale.levels[1], red = scale.levels[3]
        let offScale = RatingLevel(code: "yellow", label: "Yellow", rank: 2, meaning: "Not on this scale")
        let rows: [(level: RatingLevel?, notUpdated: Bool)] = [
            (red, false), (green, true), (green, false), (nil, true), (offScale, false), (red, false),
        ]

        let counts = RatingCount.tally(rows, on: scale)

        #expect(counts.map(\.label) == ["Complete", "Green", "Amber", "Red", "Not rated"])
        #expect(counts.map(\.count) == [0, 2, 0, 2, 1])
        #expect(counts.map(\.notUpdated) == [0, 1, 0, 0, 1])
        #expect(counts.map(\.level) == scale.levels.map(Optional.init) + [nil])
    }
}
