/// Audience overlap from fan samples that carry fan ids (`fanSample[].id`).
///
/// Jaccard J(A, B) = |A ∩ B| / |A ∪ B| of the two samples' id sets; unique reach of a set of KOLs =
/// distinct ids / sum of sample sizes (1 = no fan seen twice). These are properties of the *samples*:
/// two samples of a few hundred fans from audiences of a million overlap only if the audiences overlap
/// heavily, so random follower samples understate the true overlap, while samples from the same frame
/// (recent commenters) compare like with like. The interval treats each id of the union as one trial
/// ("is it shared?") and gives the Wilson 95 % interval for the shared share: a sampling-error guide,
/// not an exact audience figure.
package enum AudienceOverlap {
    /// One pair's overlap.
    package struct Pair: Hashable, Sendable {
        package var a: String
        package var b: String
        package var sizeA: Int
        package var sizeB: Int
        package var shared: Int
        package var union: Int
        /// nil when both samples are empty.
        package var jaccard: Double?
        package var interval: ProportionInterval?
    }

    /// Unique reach of a set of samples.
    package struct Reach: Hashable, Sendable {
        package var distinct: Int
        package var total: Int
        /// distinct ÷ total; nil when no sample has ids.
        package var share: Double?
    }

    /// The distinct non-empty fan ids of a KOL's sample.
    package static func fanIDs(_ kol: KOL) -> Set<String> {
        Set((kol.fanSample ?? []).compactMap { fan in fan.id.flatMap { $0.isEmpty ? nil : $0 } })
    }

    package static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double? {
        let union = a.union(b).count
        guard union > 0 else { return nil }
        return Double(a.intersection(b).count) / Double(union)
    }

    package static func pair(_ idA: String, _ a: Set<String>, _ idB: String, _ b: Set<String>) -> Pair {
        let shared = a.intersection(b).count
        let union = a.count + b.count - shared
        return Pair(a: idA, b: idB, sizeA: a.count, sizeB: b.count, shared: shared, union: union,
                    jaccard: union > 0 ? Double(shared) / Double(union) : nil,
                    interval: Wilson.interval(successes: shared, trials: union))
    }

    /// Every pair, in the order given (i < j).
    package static func pairs(_ samples: [(id: String, fans: Set<String>)]) -> [Pair] {
        var result: [Pair] = []
        for i in samples.indices {
            for j in samples.indices where j > i {
                result.append(pair(samples[i].id, samples[i].fans, samples[j].id, samples[j].fans))
            }
        }
        return result
    }

    package static func reach(_ samples: [Set<String>]) -> Reach {
        let total = samples.reduce(0) { $0 + $1.count }
        var all = Set<String>()
        for s in samples { all.formUnion(s) }
        return Reach(distinct: all.count, total: total, share: total > 0 ? Double(all.count) / Double(total) : nil)
    }

    /// Tie-breaker for a shortlist: the largest Jaccard between `candidate` and any KOL already chosen
    /// (0 = a fresh audience; nil when the candidate or every chosen KOL has no fan ids, i.e. no
    /// evidence either way). Between two candidates with equal score, prefer the lower value.
    package static func redundancy(of candidate: KOL, with chosen: [KOL]) -> Double? {
        let ids = fanIDs(candidate)
        guard !ids.isEmpty else { return nil }
        var worst: Double?
        for other in chosen where other.id != candidate.id {
            let otherIDs = fanIDs(other)
            guard !otherIDs.isEmpty, let j = jaccard(ids, otherIDs) else { continue }
            worst = Swift.max(worst ?? 0, j)
        }
        return worst
    }
}
