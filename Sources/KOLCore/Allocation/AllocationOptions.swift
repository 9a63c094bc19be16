import Foundation

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
    /// Exponent k of the untried prior's score factor (score/100)^k.
    package var priorExponent: Double = 2
    /// Let untried KOLs with an error-severity flag be explored (default false: they are excluded with the
    /// flags as the reason). KOLs with measured returns take part whatever their flags: money already spent
    /// on them says more than the flag's signal.
    package var includeErrorFlagged = false

    package static let defaultSeed: UInt64 = 6

    package init() {}

    /// The prior mean revenue per CNY of an untried KOL: reference × (score / 100)^k with k = 2. A score of
    /// 100 expects what the median tried KOL returned, 90 expects 81 % of it, 70 about half, 50 a quarter.
    /// Why a power and not the old 0.5 + score/100: that put every KOL scoring above 50 over the median tried
    /// return, so mediocre untried KOLs outbid measured ones and spent the budget on exploration. With k = 2
    /// only a high score keeps the prior near the measured reference (in the demo, reference 1.08: above
    /// break-even from a score of 96); the Gamma prior stays wide, so a good untried KOL still wins draws.
    package func priorMean(score: Double?, reference: Double) -> Double {
        let s = Swift.min(100, Swift.max(0, score ?? neutralScore))
        let k = priorExponent.isFinite && priorExponent >= 0 ? priorExponent : 2
        return reference * pow(s / 100, k)
    }
}
