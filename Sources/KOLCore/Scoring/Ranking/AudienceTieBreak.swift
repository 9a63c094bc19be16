/// Audience overlap as the tie-breaker of `kol/rank` (issue 6): two KOLs with the same audience are worth less
/// together than two that reach different people.
///
/// Only a tie-breaker, never a score term: overlap is measured on fan samples with ids (`fanSample[].id`),
/// which most KOLs lack, and a sample says little about audiences of millions (see `AudienceOverlap`). So it
/// only decides between options the score cannot tell apart:
/// - **ranking**: KOLs with exactly equal scores are ordered by lower redundancy (the largest Jaccard of
///   their sampled fan ids with any KOL ranked above them), then as before (confidence, id). A KOL without
///   fan ids counts as redundancy 0: no evidence of overlap.
/// - **shortlist**: among optimal sets of equal total score, prefer the higher unique reach (distinct fan ids
///   ÷ sampled fan ids over the chosen KOLs with ids). Searched by swapping a chosen KOL for an unchosen one
///   with the same score that still fits the budget, keeping a swap only when it raises the reach; the
///   total score, and so optimality, never changes.
/// - **pilot**: see `Pilot` (−10 × redundancy with the KOLs already in the pilot).
enum AudienceTieBreak {
    /// Non-empty fan-id sets by KOL id (KOLs without ids are left out), computed once per request.
    static func fanIDs(_ kols: [KOL]) -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for kol in kols {
            let ids = AudienceOverlap.fanIDs(kol)
            if !ids.isEmpty { result[kol.id] = ids }
        }
        return result
    }

    /// `fanIDs` of `kols[i]` for each `i` in `indices`, without copying the KOLs into a new array.
    static func fanIDs(_ kols: [KOL], at indices: [Int]) -> [String: Set<String>] {
        var result: [String: Set<String>] = [:]
        for index in indices where kols[index].fanSample?.isEmpty == false {
            let ids = AudienceOverlap.fanIDs(kols[index])
            if !ids.isEmpty { result[kols[index].id] = ids }
        }
        return result
    }

    /// The largest Jaccard between `ids` and any of `chosen` (0 when nothing to compare).
    static func redundancy(_ ids: Set<String>?, with chosen: [Set<String>]) -> Double {
        guard let ids, !ids.isEmpty else { return 0 }
        return chosen.reduce(0.0) { Swift.max($0, AudienceOverlap.jaccard(ids, $1) ?? 0) }
    }

    /// A permutation of `rows` (already sorted best first): each run of exactly equal, non-nil scores is
    /// reordered greedily, lowest redundancy with everything placed above first; ties keep the given order.
    static func order(_ rows: [(id: String, score: Double?)], fanIDs: [String: Set<String>]) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(rows.count)
        var chosen: [Set<String>] = []
        var start = 0
        while start < rows.count {
            var end = start + 1
            while end < rows.count, let s = rows[start].score, rows[end].score == s { end += 1 }
            if end == start + 1 {
                // A run of one (the usual case): nothing to reorder, no group to allocate.
                result.append(start)
                if !fanIDs.isEmpty, let ids = fanIDs[rows[start].id] { chosen.append(ids) }
                start = end
                continue
            }
            var group = Array(start..<end)
            // Reordering only matters when two members of the run have fan ids to compare.
            if group.filter({ fanIDs[rows[$0].id] != nil }).count >= 2 {
                while !group.isEmpty {
                    var best = 0
                    var bestValue = Double.infinity
                    for (position, index) in group.enumerated() {
                        let value = redundancy(fanIDs[rows[index].id], with: chosen)
                        if value < bestValue { (best, bestValue) = (position, value) }
                    }
                    let index = group.remove(at: best)
                    result.append(index)
                    if let ids = fanIDs[rows[index].id] { chosen.append(ids) }
                }
            } else {
                for index in group {
                    result.append(index)
                    if let ids = fanIDs[rows[index].id] { chosen.append(ids) }
                }
            }
            start = end
        }
        return result
    }

    /// Unique reach of a set of KOL ids: distinct ÷ sampled fan ids over those with ids; nil without any.
    static func reach(_ ids: [String], fanIDs: [String: Set<String>]) -> Double? {
        AudienceOverlap.reach(ids.compactMap { fanIDs[$0] }).share
    }

    /// The same optimal shortlist, or an equally scoring one with higher unique reach (see the type comment).
    static func preferReach(_ solution: Knapsack.Solution, items: [Knapsack.Item], budget: Double,
                            fanIDs: [String: Set<String>]) -> Knapsack.Solution {
        guard items.filter({ fanIDs[$0.id] != nil }).count >= 2, budget.isFinite, budget >= 0 else { return solution }
        // The knapsack's own feasibility: whole currency units, rounded up, within the floor of the budget.
        let capacity = Swift.min(budget, 1e15).rounded(.down)
        let usable = items.filter { $0.price.isFinite && $0.price >= 0 && $0.score.isFinite && $0.score > 0
            && $0.price.rounded(.up) <= capacity }
        var chosen = Set(solution.ids)
        func units(_ set: Set<String>) -> Double {
            usable.filter { set.contains($0.id) }.reduce(0) { $0 + $1.price.rounded(.up) }
        }
        var current = reach(Array(chosen), fanIDs: fanIDs) ?? 0
        var improved = true
        var rounds = 0
        while improved, rounds < usable.count {
            improved = false
            rounds += 1
            var bestSwap: (out: String, in: String, reach: Double)?
            for leaving in usable where chosen.contains(leaving.id) {
                for entering in usable where !chosen.contains(entering.id)
                    && Swift.abs(entering.score - leaving.score) <= Knapsack.epsilon {
                    var candidate = chosen
                    candidate.remove(leaving.id)
                    candidate.insert(entering.id)
                    guard units(candidate) <= capacity, let r = reach(Array(candidate), fanIDs: fanIDs),
                          r > (bestSwap?.reach ?? current) + 1e-12 else { continue }
                    bestSwap = (leaving.id, entering.id, r)
                }
            }
            if let swap = bestSwap {
                chosen.remove(swap.out)
                chosen.insert(swap.in)
                current = swap.reach
                improved = true
            }
        }
        guard chosen != Set(solution.ids) else { return solution }
        let picked = items.filter { chosen.contains($0.id) }
        return Knapsack.Solution(ids: picked.map(\.id), totalPrice: picked.reduce(0) { $0 + $1.price },
                                 totalScore: picked.reduce(0) { $0 + $1.score }, method: solution.method)
    }
}
