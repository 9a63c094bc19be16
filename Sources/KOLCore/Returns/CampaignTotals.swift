/// What a set of campaigns (one KOL's, or everyone's) cost and returned, summed so that each ratio pairs
/// a numerator with the cost of exactly the campaigns that report it.
///
/// Why pair costs per metric: when one campaign reports clicks and another does not, dividing all the
/// cost by the clicks of one would inflate the cost per click. Missing is unknown, never 0.
package struct CampaignTotals: Hashable, Sendable {
    /// Campaigns with a cost (the only ones counted).
    package var campaigns = 0
    /// Campaigns without a cost, by id (left out, and said so).
    package var uncosted: [String] = []
    /// Campaigns whose conversions exceed their clicks (left out of the conversion rate).
    package var inconsistent: [String] = []
    package var cost = 0.0

    package var revenue: Double?
    package var costWithRevenue = 0.0
    package var impressions: Int?
    package var engagements: Int?
    package var costWithEngagements = 0.0
    package var clicks: Int?
    package var costWithClicks = 0.0
    package var conversions: Int?
    package var costWithConversions = 0.0

    /// Clicks and conversions over campaigns that report both: the conversion-rate evidence.
    package var pairedClicks = 0
    package var pairedConversions = 0

    /// Campaigns that report cost, clicks, conversions and revenue: what the conversion model uses.
    package var funnel = Funnel()

    package struct Funnel: Hashable, Sendable {
        package var campaigns = 0
        package var cost = 0.0
        package var clicks = 0
        package var conversions = 0
        package var revenue = 0.0
    }

    package init() {}

    package init(_ campaigns: [Campaign]) {
        for campaign in campaigns { add(campaign) }
    }

    package mutating func add(_ campaign: Campaign) {
        guard let cost = campaign.cost, cost >= 0 else {
            uncosted.append(campaign.id ?? "(no id)")
            return
        }
        campaigns += 1
        self.cost += cost
        if let revenue = campaign.revenue {
            self.revenue = (self.revenue ?? 0) + revenue
            costWithRevenue += cost
        }
        if let impressions = campaign.impressions { self.impressions = (self.impressions ?? 0) &+ impressions }
        if let engagements = campaign.engagements {
            self.engagements = (self.engagements ?? 0) &+ engagements
            costWithEngagements += cost
        }
        if let clicks = campaign.clicks {
            self.clicks = (self.clicks ?? 0) &+ clicks
            costWithClicks += cost
        }
        if let conversions = campaign.conversions {
            self.conversions = (self.conversions ?? 0) &+ conversions
            costWithConversions += cost
        }
        if let clicks = campaign.clicks, let conversions = campaign.conversions {
            guard conversions <= clicks else {
                inconsistent.append(campaign.id ?? "(no id)")
                return
            }
            pairedClicks &+= clicks
            pairedConversions &+= conversions
            if let revenue = campaign.revenue {
                funnel.campaigns += 1
                funnel.cost += cost
                funnel.clicks &+= clicks
                funnel.conversions &+= conversions
                funnel.revenue += revenue
            }
        }
    }

    package mutating func add(_ other: CampaignTotals) {
        campaigns += other.campaigns
        uncosted += other.uncosted
        inconsistent += other.inconsistent
        cost += other.cost
        if let r = other.revenue { revenue = (revenue ?? 0) + r }
        costWithRevenue += other.costWithRevenue
        if let v = other.impressions { impressions = (impressions ?? 0) &+ v }
        if let v = other.engagements { engagements = (engagements ?? 0) &+ v }
        costWithEngagements += other.costWithEngagements
        if let v = other.clicks { clicks = (clicks ?? 0) &+ v }
        costWithClicks += other.costWithClicks
        if let v = other.conversions { conversions = (conversions ?? 0) &+ v }
        costWithConversions += other.costWithConversions
        pairedClicks &+= other.pairedClicks
        pairedConversions &+= other.pairedConversions
        funnel.campaigns += other.funnel.campaigns
        funnel.cost += other.funnel.cost
        funnel.clicks &+= other.funnel.clicks
        funnel.conversions &+= other.funnel.conversions
        funnel.revenue += other.funnel.revenue
    }

    /// (revenue − cost) / cost over campaigns that report revenue; nil without any, or at zero cost.
    package var roi: Double? {
        guard let revenue, costWithRevenue > 0 else { return nil }
        return (revenue - costWithRevenue) / costWithRevenue
    }

    /// Cost per engagement, click, conversion: nil when the denominator is missing or zero, never 0.
    package var costPerEngagement: Double? { Self.ratio(costWithEngagements, engagements) }
    package var costPerClick: Double? { Self.ratio(costWithClicks, clicks) }
    package var costPerConversion: Double? { Self.ratio(costWithConversions, conversions) }

    static func ratio(_ cost: Double, _ count: Int?) -> Double? {
        guard let count, count > 0 else { return nil }
        return cost / Double(count)
    }
}
