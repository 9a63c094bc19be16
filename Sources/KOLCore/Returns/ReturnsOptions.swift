/// The knobs of `kol/returns`, each documented (protocol.md §9.3) and overridable per request.
package struct ReturnsOptions: Hashable, Sendable {
    /// Below this many clicks (over campaigns that report clicks and conversions) the conversion rate is
    /// too uncertain to judge: at 100 clicks and a 2 % rate the 95 % interval is about 0.6 %–7 %.
    package var minimumClicks: Int = 100
    /// Below this many campaigns the return is "too little data". Why 2: the ROI interval only carries
    /// the noise of conversions within a post; how much one post differs from the next (timing, topic,
    /// season) is visible only from a second campaign.
    package var minimumCampaigns: Int = 2
    /// Probability mass of the reported intervals.
    package var mass: Double = 0.95
    /// Monte Carlo draws for "probability each KOL is the best value".
    package var draws: Int = 10_000
    /// Seed of those draws, so the same workspace gives the same probabilities.
    package var seed: UInt64 = ReturnsOptions.defaultSeed

    package static let defaultSeed: UInt64 = 6

    package init() {}
}
