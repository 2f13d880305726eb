import AssureCore
import Testing

@Suite("Ratings, scales and arrows")
struct RatingTests {
    @Test(
        "Five-point values are read however they are typed",
        arguments: ["Amber/Red", "AMBER / RED", "Amber/red", " amber /red "])
    func fivePointSpellings(text: String) {
        #expect(RatingScale.fivePoint.level(for: text)?.code == "amber-red")
    }

    @Test("A value off the scale keeps its text and has no level")
    func offScale() throws {
        let yellow = try #require(RecordedRating("Yellow", on: .threePoint))
        #expect(yellow.written == "Yellow")
        #expect(yellow.level == nil)
        #expect(yellow.display == "Yellow")
        #expect(RecordedRating("Amber/Green", on: .threePoint)?.isOnScale == false)
        #expect(RecordedRating("Amber/Green", on: .fivePoint)?.isOnScale == true)
        #expect(RecordedRating("   ", on: .threePoint) == nil)
    }

    @Test("Arrows compare a rating with the previous period's")
    func trendDerivation() {
        let scale = RatingScale.threePoint
        let green = scale.level(for: "Green"), amber = scale.level(for: "Amber"), red = scale.level(for: "Red")
        let complete = scale.level(for: "Complete")
        #expect(Trend.derive(current: green, previous: amber) == .improved)
        #expect(Trend.derive(current: red, previous: amber) == .declined)
        #expect(Trend.derive(current: amber, previous: amber) == .unchanged)
        #expect(Trend.derive(current: complete, previous: green) == .improved)
        #expect(Trend.derive(current: amber, previous: nil) == .new)
        #expect(Trend.derive(current: nil, previous: amber) == nil)
    }

    @Test("The worst level wins a roll-up")
    func worst() {
        let scale = RatingScale.fivePoint
        let levels = ["Green", "Amber/Red", "Amber"].compactMap(scale.level(for:))
        #expect(levels.worst?.label == "Amber/Red")
        #expect([RatingLevel]().worst == nil)
    }
}
