import JSON

/// One Weibo post (or a post on another channel). Counts are nil when unknown, never 0 by default.
public struct Post: Hashable, Sendable {
    public var id: String?
    /// When it was posted. Required by the contract; nil when missing, unparsable or in the future.
    public var at: KOLDate?
    public var text: String?
    public var reposts: Int?
    public var comments: Int?
    public var likes: Int?
    /// How many comments the KOL answered in person.
    public var kolReplies: Int?
    /// A forward of someone else's post.
    public var isRepost: Bool?
    public var topics: [String]?
    public var extra: JSONObject

    public init(id: String? = nil, at: KOLDate? = nil, text: String? = nil, reposts: Int? = nil,
                comments: Int? = nil, likes: Int? = nil, kolReplies: Int? = nil, isRepost: Bool? = nil,
                topics: [String]? = nil, extra: JSONObject = JSONObject()) {
        self.id = id
        self.at = at
        self.text = text
        self.reposts = reposts
        self.comments = comments
        self.likes = likes
        self.kolReplies = kolReplies
        self.isRepost = isRepost
        self.topics = topics
        self.extra = extra
    }

    /// reposts + comments + likes, or nil when any of the three is unknown.
    public var engagements: Int? {
        guard let reposts, let comments, let likes else { return nil }
        return reposts + comments + likes
    }
}
