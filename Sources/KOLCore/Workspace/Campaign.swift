import JSON

/// A past paid post (or series) with this KOL: what it cost and what it returned.
public struct Campaign: Hashable, Sendable {
    /// Required by the contract.
    public var id: String?
    /// Required by the contract.
    public var start: KOLDate?
    public var end: KOLDate?
    /// Required by the contract, in the brief's currency.
    public var cost: Double?
    public var impressions: Int?
    public var engagements: Int?
    public var clicks: Int?
    public var conversions: Int?
    public var revenue: Double?
    public var extra: JSONObject

    public init(id: String? = nil, start: KOLDate? = nil, end: KOLDate? = nil, cost: Double? = nil,
                impressions: Int? = nil, engagements: Int? = nil, clicks: Int? = nil, conversions: Int? = nil,
                revenue: Double? = nil, extra: JSONObject = JSONObject()) {
        self.id = id
        self.start = start
        self.end = end
        self.cost = cost
        self.impressions = impressions
        self.engagements = engagements
        self.clicks = clicks
        self.conversions = conversions
        self.revenue = revenue
        self.extra = extra
    }
}
