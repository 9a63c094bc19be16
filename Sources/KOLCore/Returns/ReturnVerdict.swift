/// What the numbers say about a KOL's return, as an explicit state.
package enum ReturnVerdict: String, Hashable, Sendable {
    /// No campaign with a cost recorded.
    case noCampaigns
    /// Campaigns recorded, but none reports clicks, conversions and revenue together.
    case noConversionData
    /// Fewer than `minimumCampaigns` campaigns or `minimumClicks` clicks: no judgement either way.
    case tooLittleData
    /// Even the low end of the ROI interval is above 0.
    case profitable
    /// Even the high end of the ROI interval is below 0.
    case losing
    /// The ROI interval spans 0.
    case unclear
}
