/// A "start small" pilot: 2–4 affordable, high-scoring, diverse KOLs to test the brief before spending the
/// whole budget.
///
/// Rules (engineering judgement, documented in protocol.md §7):
/// - eligible: scored, priced, no warning flag and no error flag (unless the request includes error-flagged
///   KOLs), score ≥ 80 % of the best eligible score;
/// - pilot budget: 25 % of the budget (or, without a budget, the sum of the three cheapest eligible prices);
/// - greedy: the best eligible KOL first, then repeatedly the eligible KOL that fits the remaining pilot
///   budget with the highest score + 10 for a topic not yet in the pilot + 5 for a new follower tier + 5 for
///   a new main region − 10 × the audience redundancy with the pilot so far (largest Jaccard of sampled fan
///   ids, 0 without ids: a pilot of two KOLs with the same fans tests one audience twice); equal totals go
///   to the lower redundancy, then the lower id; stop at 4 KOLs or when nothing fits.
public struct Pilot: Hashable, Sendable {
    public var ids: [String]
    public var totalPrice: Double
    /// One line per pick: why this KOL.
    public var reasons: [String]

    public static let budgetShare = 0.25
    public static let maxSize = 4
    public static let minScoreShareOfBest = 0.8

    struct Candidate {
        var id: String
        var name: String
        var score: Double
        var price: Double
        var topic: String?
        var tier: String?
        var region: String?
        /// Sampled fan ids (empty when the sample has none).
        var fanIDs: Set<String> = []
    }

    /// Points off per unit of redundancy (Jaccard 1 = the same sampled fans): as much as a new topic earns.
    public static let overlapPenalty = 10.0

    static func choose(_ candidates: [Candidate], budget: Double?) -> Pilot? {
        guard let best = candidates.map(\.score).max() else { return nil }
        let eligible = candidates.filter { $0.score >= minScoreShareOfBest * best }
        let pilotBudget = budget.map { $0 * budgetShare }
            ?? eligible.map(\.price).sorted().prefix(3).reduce(0, +)
        var remaining = pilotBudget
        var picked: [Candidate] = []
        var reasons: [String] = []
        while picked.count < maxSize {
            let topics = Set(picked.compactMap(\.topic)), tiers = Set(picked.compactMap(\.tier))
            let regions = Set(picked.compactMap(\.region))
            let audiences = picked.map(\.fanIDs).filter { !$0.isEmpty }
            func redundancy(_ c: Candidate) -> Double { AudienceTieBreak.redundancy(c.fanIDs, with: audiences) }
            func bonus(_ c: Candidate) -> Double {
                guard !picked.isEmpty else { return 0 }
                return (c.topic.map { topics.contains($0) ? 0 : 10 } ?? 0) + (c.tier.map { tiers.contains($0) ? 0 : 5 } ?? 0)
                    + (c.region.map { regions.contains($0) ? 0 : 5 } ?? 0) - overlapPenalty * redundancy(c)
            }
            let options = eligible.filter { c in c.price <= remaining && !picked.contains { $0.id == c.id } }
            guard let next = options.max(by: { a, b in
                let (x, y) = (a.score + bonus(a), b.score + bonus(b))
                if x != y { return x < y }
                let (ra, rb) = (redundancy(a), redundancy(b))
                return ra != rb ? ra > rb : a.id > b.id
            }) else { break }
            var why = "\(next.name): score \(Scoring.number(next.score, 0)), \(Scoring.compact(next.price))"
            if picked.isEmpty {
                why += ", the best affordable KOL"
            } else {
                var novel: [String] = []
                if let t = next.topic, !topics.contains(t) { novel.append("topic \(t)") }
                if let t = next.tier, !tiers.contains(t) { novel.append("\(t) tier") }
                if let r = next.region, !regions.contains(r) { novel.append("audience in \(r)") }
                why += novel.isEmpty ? ", next best that fits" : ", adds " + novel.joined(separator: ", ")
                let overlap = redundancy(next)
                if overlap > 0 { why += " (\(Scoring.percent(overlap, digits: 0)) fan overlap with the pilot)" }
            }
            reasons.append(why)
            picked.append(next)
            remaining -= next.price
        }
        guard !picked.isEmpty else { return nil }
        if picked.count < 2 { reasons.append("only one eligible KOL fits the pilot budget of \(Scoring.compact(pilotBudget))") }
        return Pilot(ids: picked.map(\.id), totalPrice: picked.reduce(0) { $0 + $1.price }, reasons: reasons)
    }
}
