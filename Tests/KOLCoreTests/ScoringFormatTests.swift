import Foundation
import Testing

@testable import KOLCore

/// `Scoring.fixed` (C `vsnprintf`) writes exactly what `String(format:)` wrote before, for every digit count
/// the explanations use and for awkward doubles: ties, negatives, -0, tiny, huge (past its buffer), NaN, ±∞.
@Suite struct ScoringFormatTests {
    static func values() -> [Double] {
        var random = SeededGenerator(seed: 12)
        var values: [Double] = [0, -0.0, 0.5, 1.5, 2.5, -0.5, 0.125, 0.375, 1.005, 2.675, 0.045, 99.95, 1e-300,
                                5e-324, 1e15, 1e21, 1e40, 1e300, -1e300, .greatestFiniteMagnitude, .nan, -.nan,
                                .infinity, -.infinity, 12_345.678, 0.1 + 0.2, 1 / 3]
        for _ in 0..<20_000 {
            let magnitude = pow(10, Double(random.nextInt(below: 24)) - 8)
            let sign: Double = random.nextInt(below: 2) == 0 ? 1 : -1
            values.append(sign * random.nextUnit() * magnitude)
            // Decimal ties like 1.25 or 0.375, where rounding direction shows.
            values.append(Double(random.nextInt(below: 100_000)) / [2, 4, 8, 16, 1000][random.nextInt(below: 5)])
        }
        return values
    }

    @Test func fixedEqualsStringFormat() {
        for value in Self.values() {
            for digits in 0...10 {
                #expect(Scoring.fixed(value, digits) == String(format: "%.\(digits)f", value), "\(value) \(digits)")
            }
            #expect(Scoring.percent(value) == String(format: "%.1f %%", value * 100))
        }
    }

    @Test func compactHandComputed() {
        #expect(Scoring.compact(3_140_000) == "3.14M")
        #expect(Scoring.compact(3_100_000) == "3.1M")
        #expect(Scoring.compact(280_400) == "280k")
        #expect(Scoring.compact(950) == "950")
        #expect(Scoring.number(2.5, 0) == "2")
        #expect(Scoring.percent(0.1234) == "12.3 %")
    }
}
