import JSON

/// The KOL on another medium (`wechat`, `blog`, `douyin`, `xiaohongshu`, `bilibili`, …).
public struct Channel: Hashable, Sendable {
    /// Required by the contract; nil only when the source lacked it (a diagnostic says so).
    public var platform: String?
    public var name: String?
    public var url: String?
    public var followers: Int?
    public var topics: [String]?
    public var posts: [Post]?
    public var extra: JSONObject

    public init(platform: String? = nil, name: String? = nil, url: String? = nil, followers: Int? = nil,
                topics: [String]? = nil, posts: [Post]? = nil, extra: JSONObject = JSONObject()) {
        self.platform = platform
        self.name = name
        self.url = url
        self.followers = followers
        self.topics = topics
        self.posts = posts
        self.extra = extra
    }
}
