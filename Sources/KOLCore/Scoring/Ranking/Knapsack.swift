/// The exact best shortlist under a budget: 0/1 knapsack maximising total score.
///
/// Why exact: a greedy "best score per yuan" pick can miss the optimum badly with few, lumpy prices (one
/// 8 000 KOL vs two 4 500 ones under 9 000), and a shortlist is a small enough problem to solve exactly.
///
/// Method: prices are rounded *up* to whole currency units (the shortlist never exceeds the budget) and
/// divided by their greatest common divisor (3 500, 8 000, 2 500 → 7, 16, 5 with GCD 500), then dynamic
/// programming over capacity, O(n · budget/GCD). When that table would exceed `maxTableCells` (4 million
/// cells, ~4 MB of choices), an exact depth-first branch and bound over items sorted by score per unit price
/// (bound: the fractional relaxation) is used instead. Both are optimal; ties go to the lower total price.
public enum Knapsack {
    public struct Item: Hashable, Sendable {
        public var id: String
        public var price: Double
        public var score: Double
        public init(id: String, price: Double, score: Double) {
            self.id = id
            self.price = price
            self.score = score
        }
    }

    public struct Solution: Hashable, Sendable {
        /// In input order.
        public var ids: [String]
        public var totalPrice: Double
        public var totalScore: Double
        public var method: Method
    }

    public enum Method: String, Hashable, Sendable { case dynamicProgramming, branchAndBound }

    public static let maxTableCells = 4_000_000

    /// Items with a negative or non-finite price or score, or a price above the budget, are never chosen.
    public static func solve(_ items: [Item], budget: Double) -> Solution {
        guard budget.isFinite, budget >= 0 else { return Solution(ids: [], totalPrice: 0, totalScore: 0, method: .dynamicProgramming) }
        // Capped at 10^15 currency units so the conversion to Int cannot trap on an absurd budget.
        let capacity = Int(min(budget, 1e15).rounded(.down))
        let usable = items.enumerated().filter { _, item in
            item.price.isFinite && item.price >= 0 && item.score.isFinite && item.score > 0
                && item.price.rounded(.up) <= Double(capacity)
        }
        var units = usable.map { Int($0.element.price.rounded(.up)) }
        let divisor = units.reduce(0) { gcd($0, $1) }
        if divisor > 1 { units = units.map { $0 / divisor } }
        let cap = divisor > 1 ? capacity / divisor : capacity
        let scores = usable.map(\.element.score)
        let chosen: [Int]
        let method: Method
        if usable.isEmpty {
            chosen = []
            method = .dynamicProgramming
        } else if (cap + 1).multipliedReportingOverflow(by: usable.count).partialValue <= maxTableCells
                    && !(cap + 1).multipliedReportingOverflow(by: usable.count).overflow {
            chosen = dynamicProgramming(units: units, scores: scores, capacity: cap)
            method = .dynamicProgramming
        } else {
            chosen = branchAndBound(units: units, scores: scores, capacity: cap)
            method = .branchAndBound
        }
        let picked = chosen.map { usable[$0] }.sorted { $0.offset < $1.offset }.map(\.element)
        return Solution(ids: picked.map(\.id), totalPrice: picked.reduce(0) { $0 + $1.price },
                        totalScore: picked.reduce(0) { $0 + $1.score }, method: method)
    }

    static func gcd(_ a: Int, _ b: Int) -> Int {
        var (x, y) = (abs(a), abs(b))
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }

    /// Tolerance for comparing float score sums.
    static let epsilon = 1e-9

    static func dynamicProgramming(units: [Int], scores: [Double], capacity: Int) -> [Int] {
        let width = capacity + 1
        // best[c]: best score with total units ≤ c; cost[c]: its units (tie-break to the cheaper).
        var best = [Double](repeating: 0, count: width)
        var cost = [Int](repeating: 0, count: width)
        var take = [Bool](repeating: false, count: units.count * width)
        for (i, w) in units.enumerated() {
            guard w <= capacity else { continue }
            for c in stride(from: capacity, through: w, by: -1) {
                let candidate = best[c - w] + scores[i]
                let candidateCost = cost[c - w] + w
                if candidate > best[c] + epsilon || (abs(candidate - best[c]) <= epsilon && candidateCost < cost[c]) {
                    best[c] = candidate
                    cost[c] = candidateCost
                    take[i * width + c] = true
                }
            }
        }
        var chosen: [Int] = []
        var c = capacity
        for i in stride(from: units.count - 1, through: 0, by: -1) where take[i * width + c] {
            chosen.append(i)
            c -= units[i]
        }
        return chosen
    }

    /// Iterative depth-first branch and bound (no recursion: thousands of items cannot overflow the stack).
    static func branchAndBound(units: [Int], scores: [Double], capacity: Int) -> [Int] {
        let order = units.indices.sorted { a, b in
            let ra = units[a] == 0 ? Double.infinity : scores[a] / Double(units[a])
            let rb = units[b] == 0 ? Double.infinity : scores[b] / Double(units[b])
            return ra != rb ? ra > rb : a < b
        }
        let w = order.map { units[$0] }
        let v = order.map { scores[$0] }
        let n = w.count
        func bound(_ depth: Int, _ room: Int, _ value: Double) -> Double {
            var total = value
            var left = room
            var i = depth
            while i < n {
                if w[i] <= left {
                    left -= w[i]
                    total += v[i]
                } else {
                    return total + (w[i] > 0 ? v[i] * Double(left) / Double(w[i]) : v[i])
                }
                i += 1
            }
            return total
        }
        var bestValue = 0.0
        var bestCost = 0
        var bestSet: [Bool] = Array(repeating: false, count: n)
        var current: [Bool] = Array(repeating: false, count: n)
        // Stack of (depth, include?) decisions still to explore; room/value are recomputed on the way down.
        var stack: [(depth: Int, include: Bool, room: Int, value: Double)] = [(0, false, capacity, 0), (0, true, capacity, 0)]
        while let node = stack.popLast() {
            var room = node.room
            var value = node.value
            let depth = node.depth
            if node.include {
                guard w[depth] <= room else { continue }
                room -= w[depth]
                value += v[depth]
            }
            current[depth] = node.include
            let cost = capacity - room
            if value > bestValue + epsilon || (abs(value - bestValue) <= epsilon && cost < bestCost) {
                bestValue = value
                bestCost = cost
                bestSet = Array(current[0...depth]) + Array(repeating: false, count: n - depth - 1)
            }
            let next = depth + 1
            guard next < n, bound(next, room, value) > bestValue + epsilon else { continue }
            stack.append((next, false, room, value))
            stack.append((next, true, room, value))
        }
        return bestSet.indices.filter { bestSet[$0] }.map { order[$0] }
    }
}
