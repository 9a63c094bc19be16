/// The return of a KOL's posts as a chain: CNY → clicks → conversions → revenue.
///
/// Revenue per CNY spent = (clicks per CNY) × (conversion rate) × (revenue per conversion). The
/// uncertain link is the conversion rate, which gets a Beta(1 + conversions, 1 + clicks − conversions)
/// posterior (uniform prior). Clicks per CNY and revenue per conversion are taken as measured. So the
/// ROI interval is the conversion-rate interval mapped through a straight line, and reflects the noise
/// of conversions among a post's clicks, not how one post differs from the next (that is why a single
/// campaign counts as too little data; see `ReturnsOptions.minimumCampaigns`).
package struct ConversionModel: Hashable, Sendable {
    package var posterior: BetaDistribution
    package var clicksPerCNY: Double
    package var revenuePerConversion: Double
    /// True when the KOL had no conversions of its own and the pooled revenue per conversion of all
    /// KOLs stood in (its revenue gives no price per conversion when there were none).
    package var pooledRevenuePerConversion: Bool

    /// nil when the funnel has no cost or no clicks, or no revenue per conversion is known.
    package init?(_ funnel: CampaignTotals.Funnel, pooledRevenuePerConversion pooled: Double?) {
        guard funnel.cost > 0, funnel.clicks > 0,
              let posterior = BetaDistribution.posterior(
                  successes: Double(funnel.conversions), failures: Double(funnel.clicks - funnel.conversions))
        else { return nil }
        self.posterior = posterior
        clicksPerCNY = Double(funnel.clicks) / funnel.cost
        if funnel.conversions > 0 {
            revenuePerConversion = funnel.revenue / Double(funnel.conversions)
            pooledRevenuePerConversion = false
        } else if let pooled, pooled.isFinite {
            revenuePerConversion = pooled
            pooledRevenuePerConversion = true
        } else {
            return nil
        }
    }

    /// Revenue per CNY at conversion rate `rate`.
    package func valuePerCNY(rate: Double) -> Double { clicksPerCNY * rate * revenuePerConversion }

    /// Expected revenue per CNY under the posterior.
    package var meanValuePerCNY: Double { valuePerCNY(rate: posterior.mean) }

    /// ROI at conversion rate `rate`: value per CNY − 1.
    package func roi(rate: Double) -> Double { valuePerCNY(rate: rate) - 1 }

    /// Equal-tailed interval of the ROI: the conversion-rate quantiles mapped through the (increasing)
    /// line, so the quantiles are exact.
    package func roiInterval(mass: Double) -> ProportionInterval? {
        guard let rate = posterior.credibleInterval(mass: mass) else { return nil }
        return ProportionInterval(low: roi(rate: rate.low), high: roi(rate: rate.high))
    }

    /// One Thompson draw of revenue per CNY.
    package func drawValuePerCNY(_ generator: inout SeededGenerator) -> Double {
        valuePerCNY(rate: generator.nextBeta(alpha: posterior.alpha, beta: posterior.beta))
    }

    /// Revenue per conversion over all funnel campaigns given; nil without conversions.
    package static func pooledRevenuePerConversion(_ funnels: [CampaignTotals.Funnel]) -> Double? {
        let conversions = funnels.reduce(0) { $0 &+ $1.conversions }
        guard conversions > 0 else { return nil }
        return funnels.reduce(0.0) { $0 + $1.revenue } / Double(conversions)
    }
}
