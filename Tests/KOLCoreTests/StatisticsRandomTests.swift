import Foundation
import Testing
@testable import KOLCore

@Suite struct StatisticsRandomTests {
    @Test func splitMixReferenceValues() {
        // Reference outputs of SplitMix64 from seed 0 (Vigna's splitmix64.c).
        var g = SeededGenerator(seed: 0)
        #expect(g.next() == 0xE220_A839_7B1D_CDAF)
        #expect(g.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(g.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func sameSeedSameStream() {
        var a = SeededGenerator(seed: 42)
        var b = SeededGenerator(seed: 42)
        var c = SeededGenerator(seed: 43)
        let sa = (0..<20).map { _ in a.nextBeta(alpha: 3, beta: 7) }
        let sb = (0..<20).map { _ in b.nextBeta(alpha: 3, beta: 7) }
        let sc = (0..<20).map { _ in c.nextBeta(alpha: 3, beta: 7) }
        #expect(sa == sb)
        #expect(sa != sc)
        var d = SeededGenerator(seed: 5)
        var e = SeededGenerator(seed: 5)
        var x = Array(0..<50)
        var y = Array(0..<50)
        d.shuffle(&x)
        e.shuffle(&y)
        #expect(x == y)
        #expect(x.sorted() == Array(0..<50))
    }

    @Test func unitAndIntRanges() {
        var g = SeededGenerator(seed: 9)
        for _ in 0..<10_000 {
            let u = g.nextUnit()
            #expect(u >= 0 && u < 1)
            let k = g.nextInt(below: 7)
            #expect(k >= 0 && k < 7)
        }
        #expect(g.nextInt(below: 0) == 0)
    }

    @Test func gammaAndBetaMomentsMatch() {
        // 20 000 draws: sample means within ~5 standard errors of the true means.
        var g = SeededGenerator(seed: 2024)
        let n = 20_000
        for shape in [0.4, 1.0, 2.5, 9.0] {
            let draws = (0..<n).map { _ in g.nextGamma(shape: shape) }
            let mean = Descriptive.mean(draws) ?? 0
            let standardError = (shape / Double(n)).squareRoot()
            #expect(abs(mean - shape) < 5 * standardError, "Gamma(\(shape)) mean \(mean)")
            #expect(draws.allSatisfy { $0 >= 0 })
        }
        let betas = (0..<n).map { _ in g.nextBeta(alpha: 2, beta: 5) }
        let dist = BetaDistribution(alpha: 2, beta: 5)
        let expected = dist?.mean ?? 0
        let se = ((dist?.variance ?? 0) / Double(n)).squareRoot()
        #expect(abs((Descriptive.mean(betas) ?? 0) - expected) < 5 * se)
        #expect(betas.allSatisfy { $0 > 0 && $0 < 1 })
        // Invalid parameters give a neutral draw, never a trap.
        #expect(g.nextBeta(alpha: 0, beta: 1) == 0.5)
        #expect(g.nextGamma(shape: -1) == 0)
    }

    @Test func normalMoments() {
        var g = SeededGenerator(seed: 1)
        let draws = (0..<20_000).map { _ in g.nextNormal() }
        #expect(abs(Descriptive.mean(draws) ?? 1) < 0.04)
        #expect(abs((Descriptive.variance(draws) ?? 0) - 1) < 0.05)
    }
}
