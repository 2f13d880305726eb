import AssureCore
import Testing

@Suite("Money as a client reads it")
struct MoneyTests {
    @Test(
        "An amount is a decimal string of pounds with two places, whatever its sign or size",
        arguments: [
            (6_800_000_00, "6800000.00"), (1_250_50, "1250.50"), (5, "0.05"), (0, "0.00"), (-20_000_00, "-20000.00"),
            (-7, "-0.07"), (Int(9e14), "9000000000000.00"),
        ])
    func decimal(pence: Int, expected: String) {
        #expect(Money(pence: pence).decimal == expected)
        // and it reads back as it was written
        #expect(Money(written: expected) == Money(pence: pence))
    }
}
