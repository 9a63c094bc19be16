import JSON

/// One point of `followerHistory`: the follower count on a date. Any spacing between points.
public struct FollowerCount: Hashable, Sendable {
    public var date: KOLDate?
    public var followers: Int?
    public var extra: JSONObject

    public init(date: KOLDate? = nil, followers: Int? = nil, extra: JSONObject = JSONObject()) {
        self.date = date
        self.followers = followers
        self.extra = extra
    }
}
