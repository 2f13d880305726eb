import AssureCore
import AssureDemo
import Testing

@Suite("Seed 002: prioritisation, funding and abbreviations")
struct Seed002RegisterTests {
    @Test("The prioritisation table is the paper's: H/M/L scored 3/2/1, totals 12, 14, 13, 15")
    func prioritisationTable() {
        // given the bids as entered from the paper; when the table is built
        let table = GoverningBody2018.prioritisation.table
        // then it is the paper's, cell by cell
        #expect(
            table.columns == [
                "Business Case", "Quality", "Access", "Value for money", "Workforce", "Deliverability", "Score",
            ])
        expectTable(
            table,
            equals: [
                ["Ageing Well locality support & Healthy Places capacity", "H", "H", "L", "M", "H", "12"],
                ["Integrated Transport", "H", "H", "H", "M", "H", "14"],
                ["One Acute Network", "H", "H", "M", "M", "H", "13"],
                ["CHC IT", "H", "H", "H", "H", "H", "15"],
            ])
        #expect(GoverningBody2018.prioritisation.scored.map(\.rank) == [4, 2, 3, 1])
    }

    @Test("Weights multiply points; ties share a rank; an unrated criterion is named")
    func weightsAndTies() {
        let criteria = [Criterion(name: "Quality", weight: 2), Criterion(name: "Access")]
        let set = CriteriaSet(
            name: "Weighted", criteria: criteria,
            cases: [
                BusinessCase(name: "A", ratings: ["Quality": .high, "Access": .low]),
                BusinessCase(name: "B", ratings: ["Quality": .medium, "Access": .high]),
                BusinessCase(name: "C", ratings: ["Quality": .high]),
            ])
        #expect(set.scored.map(\.score) == [7, 7, 6])
        #expect(set.scored.map(\.rank) == [1, 1, 3])
        #expect(set.scored[2].unrated == ["Access"])
        #expect(set.table.textRows[2] == ["C", "H", "", "6"])
    }

    @Test("A rating outside H/M/L is refused with the criterion named")
    func badRating() {
        let errors = CriteriaSet.validate(
            name: "Bid", ratings: ["Quality": "X", "Access": "high"], criteria: GoverningBody2018.criteria)
        #expect(errors == ["rating-Quality": "“X” is not a rating: use H, M or L."])
    }

    @Test("The allocation table is the paper's: six allocations totalling £6,130,000 against £6,800,000")
    func fundingTable() {
        let round = GoverningBody2018.funding
        expectTable(
            round.table,
            equals: [
                ["ICPS", "£3,000,000", "Growth funding and final Business Case Dependent"],
                [
                    "Prevention at Scale", "£150,000",
                    "Access to funding is final Business Case Dependent for review at IPG",
                ],
                ["Integrated Transport", "£180,000", ""],
                ["Continuing Health Care IT", "£100,000", ""],
                ["One Acute Network", "£1,800,000", "Total is Final Business Case Dependent"],
                ["Merger", "£900,000", "Pre-committed"],
                ["Total", "£6,130,000", ""],
                ["ACS FIC FT", "£6,800,000", ""],
            ])
        #expect(round.headroom == Money(pounds: 670_000))
        #expect(!round.isOver)
    }

    @Test("An allocation past the envelope is allowed and shown as over")
    func overAllocation() {
        var round = GoverningBody2018.funding
        round.allocations.append(Allocation(label: "Digital", amount: Money(pounds: 1_000_000)))
        #expect(round.isOver)
        #expect(round.headroom == Money(pounds: -330_000))
        #expect(round.table.textRows[7] == ["Total", "£7,130,000", "Over the envelope by £330,000"])
        #expect(
            FundingRound.validate(label: "X", amount: "lots") == [
                "amount": "“lots” is not an amount of money (e.g. £180,000)."
            ])
        #expect(Money(written: "£1,250.5") == Money(pence: 125_050))
    }

    @Test("The abbreviations table holds exactly the abbreviations a text uses, as whole words")
    func abbreviationsUsed() {
        let text =
            "The STP went to SLT; ICPS and OAN bids were reviewed by IPG. Ed from the ED team (not EDT) attended."
        let used = Glossary.used(in: text, from: GoverningBody2018.glossary)
        #expect(used.map(\.abbreviation) == ["ED", "ICPS", "IPG", "OAN", "SLT", "STP"])
        #expect(
            GlossaryEntry.validate(abbreviation: "Two words", expansion: "") == [
                "abbreviation": "An abbreviation is one word of up to 20 characters.",
                "expansion": "Say what it stands for.",
            ])
    }
}
