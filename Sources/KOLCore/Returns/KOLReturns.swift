/// The return of one KOL (or, for `overall`, of all the KOLs asked about together).
package struct KOLReturns: Hashable, Sendable {
    package var id: String?
    package var totals: CampaignTotals
    /// Beta posterior of the conversion rate over campaigns reporting clicks and conversions.
    package var conversionRate: BetaDistribution?
    package var conversionRateInterval: ProportionInterval?
    package var model: ConversionModel?
    package var roiInterval: ProportionInterval?
    /// Share of Monte Carlo draws in which this KOL returned the most revenue per CNY; nil for KOLs
    /// without a conversion model (and for `overall`).
    package var probabilityBest: Double?
    package var verdict: ReturnVerdict
    /// The verdict in words, with the numbers behind it.
    package var says: String
}

/// `kol/returns` as a whole.
package struct ReturnsReport: Hashable, Sendable {
    package var kols: [KOLReturns]
    package var overall: KOLReturns
    package var options: ReturnsOptions
}
