/// One KOL's share of the budget.
package struct Allocation: Hashable, Sendable {
    package var id: String
    package var posts: Int
    /// posts × price.
    package var amount: Double
    /// Why this KOL and this many posts, in words.
    package var why: String
}

/// Why a KOL took no part in the draws.
package enum AllocationExclusion: String, Hashable, Sendable {
    /// `relationship.stage` is `dropped`.
    case dropped
    /// No price (or a price of 0): whole posts cannot be costed.
    case noPrice
    /// One post costs more than the whole budget.
    case priceAboveBudget
    /// An id asked for that is not in the workspace.
    case unknown
    /// Untried, with an error-severity red flag (a bought audience or no fit with the brief): not explored
    /// unless the request includes error-flagged KOLs.
    case errorFlags
}

/// What `kol/allocate` decided.
package struct AllocationPlan: Hashable, Sendable {
    /// KOLs that got at least one post, in the order asked.
    package var allocations: [Allocation]
    package var unspent: Double
    package var excluded: [(id: String, reason: AllocationExclusion, why: String)]
    /// KOLs that took part but won no post, with why.
    package var notChosen: [(id: String, why: String)]
    /// Revenue per CNY of the typical tried KOL (median), the anchor of untried KOLs' priors.
    package var reference: Double
    /// True when no KOL had measured returns and `referenceWhenUntested` stood in.
    package var referenceAssumed: Bool
    package var seed: UInt64

    package static func == (a: AllocationPlan, b: AllocationPlan) -> Bool {
        a.allocations == b.allocations && a.unspent == b.unspent && a.reference == b.reference
            && a.seed == b.seed && a.excluded.map(\.id) == b.excluded.map(\.id)
            && a.excluded.map(\.reason) == b.excluded.map(\.reason) && a.notChosen.map(\.id) == b.notChosen.map(\.id)
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(allocations)
        hasher.combine(unspent)
    }
}
