import JSON

/// A key opinion leader: one Weibo account and what we know about it.
///
/// Every optional field is nil when unknown, never 0: an analysis that needs it is skipped and says so.
/// Invalid values in the source are also nil here; the load raised a data-quality diagnostic for them.
public struct KOL: Hashable, Sendable, Identifiable {
    /// Stable id (the Weibo uid), unique in the workspace.
    public var id: String
    public var name: String?
    /// As written; nil means the default, `weibo` (see `effectivePlatform`).
    public var platform: String?
    /// Weibo micro-task star score, 0–6, half stars allowed.
    public var stars: Double?
    public var followers: Int?
    public var createdAt: KOLDate?
    public var verified: Bool?
    /// Asking price for one micro-task post, in the brief's currency.
    public var price: Double?
    /// Declared topics; nil means "derive from posts".
    public var topics: [String]?
    /// Oldest first, as written (the loader does not reorder).
    public var followerHistory: [FollowerCount]?
    public var followerRegions: FollowerRegions?
    public var posts: [Post]?
    public var channels: [Channel]?
    public var fanSample: [Fan]?
    public var campaigns: [Campaign]?
    public var relationship: Relationship?
    /// Members this version does not know, written back on save.
    public var extra: JSONObject
    /// Where this KOL was read from (origin and source ranges); nil for KOLs built in code.
    /// Part of equality: use `KOL.withoutSource` to compare data alone.
    public var source: KOLSource?

    public init(id: String, name: String? = nil, platform: String? = nil, stars: Double? = nil,
                followers: Int? = nil, createdAt: KOLDate? = nil, verified: Bool? = nil, price: Double? = nil,
                topics: [String]? = nil, followerHistory: [FollowerCount]? = nil,
                followerRegions: FollowerRegions? = nil, posts: [Post]? = nil, channels: [Channel]? = nil,
                fanSample: [Fan]? = nil, campaigns: [Campaign]? = nil, relationship: Relationship? = nil,
                extra: JSONObject = JSONObject(), source: KOLSource? = nil) {
        self.id = id
        self.name = name
        self.platform = platform
        self.stars = stars
        self.followers = followers
        self.createdAt = createdAt
        self.verified = verified
        self.price = price
        self.topics = topics
        self.followerHistory = followerHistory
        self.followerRegions = followerRegions
        self.posts = posts
        self.channels = channels
        self.fanSample = fanSample
        self.campaigns = campaigns
        self.relationship = relationship
        self.extra = extra
        self.source = source
    }

    public static let defaultPlatform = "weibo"
    public var effectivePlatform: String { platform ?? KOL.defaultPlatform }

    /// The same data with no provenance: what round trips compare.
    public var withoutSource: KOL {
        var copy = self
        copy.source = nil
        return copy
    }
}
