import Testing
@testable import KOLCore

/// The shortlist is optimal: dynamic programming and branch and bound against brute force on seeded random
/// small cases.
struct RankingKnapsackTests {
    static func bruteForce(_ items: [Knapsack.Item], budget: Double) -> Double {
        var best = 0.0
        for mask in 0..<(1 << items.count) {
            var price = 0.0, score = 0.0
            for (i, item) in items.enumerated() where mask & (1 << i) != 0 {
                price += item.price.rounded(.up)
                score += item.score
            }
            if price <= budget.rounded(.down) { best = max(best, score) }
        }
        return best
    }

    @Test func matchesBruteForceOnRandomCases() {
        var rng = SeededGenerator(seed: 20_261_126)
        for _ in 0..<300 {
            let n = 1 + rng.nextInt(below: 12)
            let items = (0..<n).map { i in
                Knapsack.Item(id: "k\(i)", price: Double(500 * (1 + rng.nextInt(below: 20))) + (rng.nextInt(below: 4) == 0 ? 0.5 : 0),
                              score: Double(rng.nextInt(below: 1000)) / 10)
            }
            let budget = Double(rng.nextInt(below: 30_000))
            let solution = Knapsack.solve(items, budget: budget)
            let expected = Self.bruteForce(items, budget: budget)
            #expect(abs(solution.totalScore - expected) < 1e-6)
            #expect(solution.totalPrice <= budget)
            // Branch and bound alone, on the same units, is optimal too.
            let units = items.map { Int($0.price.rounded(.up)) }
            let chosen = Knapsack.branchAndBound(units: units, scores: items.map(\.score), capacity: Int(budget))
            #expect(abs(chosen.reduce(0) { $0 + items[$1].score } - expected) < 1e-6)
            #expect(chosen.reduce(0) { $0 + units[$1] } <= Int(budget))
        }
    }

    @Test func exactNotGreedy() {
        // Greedy by score takes A (70) and then nothing fits in the 3 000 left; the optimum is B + C (110).
        let items = [Knapsack.Item(id: "A", price: 6_000, score: 70), Knapsack.Item(id: "B", price: 4_500, score: 55),
                     Knapsack.Item(id: "C", price: 4_500, score: 55)]
        let solution = Knapsack.solve(items, budget: 9_000)
        #expect(solution.ids == ["B", "C"])
        #expect(solution.totalPrice == 9_000)
        #expect(solution.method == .dynamicProgramming)
    }

    @Test func largeTablesUseBranchAndBound() {
        // Prices with GCD 1 and a 10^7 budget: 10^7 × 3 cells exceed the DP cap.
        let items = [Knapsack.Item(id: "A", price: 3_000_001, score: 50), Knapsack.Item(id: "B", price: 7_000_003, score: 60),
                     Knapsack.Item(id: "C", price: 6_999_999, score: 59)]
        let solution = Knapsack.solve(items, budget: 10_000_004)
        #expect(solution.method == .branchAndBound)
        #expect(solution.ids == ["A", "B"])
    }

    @Test func degenerateInputs() {
        #expect(Knapsack.solve([], budget: 1_000).ids.isEmpty)
        #expect(Knapsack.solve([Knapsack.Item(id: "A", price: 10, score: 5)], budget: -1).ids.isEmpty)
        #expect(Knapsack.solve([Knapsack.Item(id: "A", price: .nan, score: 5)], budget: 100).ids.isEmpty)
        #expect(Knapsack.solve([Knapsack.Item(id: "A", price: 0, score: 5)], budget: 0).ids == ["A"])
        #expect(Knapsack.gcd(3_500, 8_000) == 500)
    }
}
