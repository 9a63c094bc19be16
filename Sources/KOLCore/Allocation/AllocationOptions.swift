/// The knobs of `kol/allocate`, each documented in protocol.md §9.4 and overridable per request.
package struct AllocationOptions: Hashable, Sendable {
    /// Seed of the Thompson draws: the same seed, workspace and budget give the same plan.
    package var seed: UInt64 = AllocationOptions.defaultSeed
    /// At most this many posts per KOL in one round. Why: the seed's advice is to start small and move
    /// the budget to what works; a fourth post to the same audience in one round mostly reaches people
    /// who saw the first three.
    package var maxPostsPerKOL: Int = 3
    /// Revenue per CNY assumed for a typical KOL when no KOL has measured returns yet (1 = break-even).
    package var referenceWhenUntested: Double = 1
    /// Gamma shape of the untried KOLs' prior (mean fixed, coefficient of variation 1/√shape): 2 gives a
    /// wide prior (CV ≈ 0.71), so an untried KOL with a decent score wins some draws and gets tried.
    package var priorShape: Double = 2
    /// Score assumed for a KOL the scoring could not score (the middle of 0–100).
    package var neutralScore: Double = 50

    package static let defaultSeed: UInt64 = 6

    package init() {}

    /// The prior mean revenue per CNY of an untried KOL: reference × (0.5 + score / 100). A score of 50
    /// expects what the median tried KOL returned, 100 half as much again, 0 half of it. Why linear and
    /// this narrow: the score measures fit and audience quality, not conversions, so it should tilt the
    /// prior, not dominate measured returns.
    package func priorMean(score: Double?, reference: Double) -> Double {
        let s = Swift.min(100, Swift.max(0, score ?? neutralScore))
        return reference * (0.5 + s / 100)
    }
}
