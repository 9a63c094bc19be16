import JSON

/// One follower profile from a fan sample, for the fan-quality audit. All fields optional.
public struct Fan: Hashable, Sendable {
    public var id: String?
    public var followers: Int?
    public var following: Int?
    public var posts: Int?
    public var createdAt: KOLDate?
    /// Has a custom profile image.
    public var avatar: Bool?
    public var bio: String?
    public var location: String?
    public var verified: Bool?
    public var lastPostAt: KOLDate?
    /// Share (0–1) of the fan's posts that are reposts.
    public var reposts: Double?
    /// Share (0–1) of the fan's posts with links.
    public var links: Double?
    public var extra: JSONObject

    public init(id: String? = nil, followers: Int? = nil, following: Int? = nil, posts: Int? = nil,
                createdAt: KOLDate? = nil, avatar: Bool? = nil, bio: String? = nil, location: String? = nil,
                verified: Bool? = nil, lastPostAt: KOLDate? = nil, reposts: Double? = nil, links: Double? = nil,
                extra: JSONObject = JSONObject()) {
        self.id = id
        self.followers = followers
        self.following = following
        self.posts = posts
        self.createdAt = createdAt
        self.avatar = avatar
        self.bio = bio
        self.location = location
        self.verified = verified
        self.lastPostAt = lastPostAt
        self.reposts = reposts
        self.links = links
        self.extra = extra
    }
}
