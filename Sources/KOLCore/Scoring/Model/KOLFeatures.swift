import Foundation

/// Everything the criteria and rules measure on one KOL that does not depend on the brief or on `now`.
///
/// Why a separate value: the Server computes it once per KOL change and caches it by id; scoring a brief
/// against 10^4 KOLs then only does the brief-dependent part (keywords, regions, peers).
public struct KOLFeatures: Hashable, Sendable {
    public struct PostFeatures: Hashable, Sendable {
        public var index: Int
        public var at: KOLDate?
        public var reposts: Int?
        public var comments: Int?
        public var likes: Int?
        public var kolReplies: Int?
        public var engagements: Int?
        /// Text plus the post's own topic labels, for keyword matching.
        public var text: TextIndex
        /// Topic categories (from the post's `topics`, else derived from its text).
        public var topics: [String]
    }

    public struct ChannelFeatures: Hashable, Sendable {
        public var index: Int
        public var platform: String?
        public var name: String?
        public var followers: Int?
        /// Topic categories from the channel's `topics`, else from its posts; nil when neither is known.
        public var topics: [String: Double]?
    }

    /// Where the topic distribution came from, reported in `measured`.
    public enum TopicSource: String, Hashable, Sendable {
        case postTopics, postText, declared
    }

    public var followers: Int?
    public var posts: [PostFeatures]?
    /// Topic category → number of posts (or 1 per declared topic). nil when nothing is known.
    public var topicCounts: [String: Double]?
    public var topicSource: TopicSource?
    public var channels: [ChannelFeatures]?
    /// Daily growth over each interval of `followerHistory` (sorted by date, undated points dropped).
    public var growth: [GrowthInterval]?
    /// The voice of the Weibo posts and of each other channel, for the tone component and rules.
    public var tone: ToneFeatures?

    public init(kol: KOL) {
        followers = kol.followers
        posts = kol.posts.map { posts in
            posts.enumerated().map { index, post in
                var text = TextIndex(post.text ?? "")
                for label in post.topics ?? [] { text.add(label) }
                let topics: [String]
                if let labels = post.topics, !labels.isEmpty {
                    topics = KOLFeatures.unique(labels.map(TopicLexicon.category(ofLabel:)))
                } else {
                    // No labels were added, so `text` is exactly the index of the post's text: reuse it
                    // rather than indexing the text a second time.
                    topics = TopicLexicon.categories(in: text)
                }
                return PostFeatures(index: index, at: post.at, reposts: post.reposts, comments: post.comments,
                                    likes: post.likes, kolReplies: post.kolReplies,
                                    engagements: post.engagements,
                                    text: text, topics: topics)
            }
        }
        (topicCounts, topicSource) = KOLFeatures.topicDistribution(kol: kol, posts: posts)
        channels = kol.channels.map { channels in
            channels.enumerated().map { index, channel in
                ChannelFeatures(index: index, platform: channel.platform, name: channel.name,
                                followers: channel.followers, topics: KOLFeatures.channelTopics(channel))
            }
        }
        growth = kol.followerHistory.map(GrowthInterval.intervals(from:))
        tone = kol.posts == nil && kol.channels == nil ? nil : ToneFeatures(kol: kol)
    }

    static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }

    /// Per-post topics when any post has topics (given or derived); otherwise the declared topics.
    static func topicDistribution(kol: KOL, posts: [PostFeatures]?) -> ([String: Double]?, TopicSource?) {
        var counts: [String: Double] = [:]
        var anyGiven = false
        for (post, features) in zip(kol.posts ?? [], posts ?? []) {
            if let labels = post.topics, !labels.isEmpty { anyGiven = true }
            for topic in features.topics { counts[topic, default: 0] += 1 }
        }
        if !counts.isEmpty { return (counts, anyGiven ? .postTopics : .postText) }
        if let declared = kol.topics, !declared.isEmpty {
            for topic in unique(declared.map(TopicLexicon.category(ofLabel:))) { counts[topic, default: 0] += 1 }
            return (counts, .declared)
        }
        return (nil, nil)
    }

    static func channelTopics(_ channel: Channel) -> [String: Double]? {
        var counts: [String: Double] = [:]
        if let labels = channel.topics, !labels.isEmpty {
            for topic in unique(labels.map(TopicLexicon.category(ofLabel:))) { counts[topic, default: 0] += 1 }
            return counts
        }
        for post in channel.posts ?? [] {
            var index = TextIndex(post.text ?? "")
            for label in post.topics ?? [] { index.add(label) }
            for topic in TopicLexicon.categories(in: index) { counts[topic, default: 0] += 1 }
        }
        return counts.isEmpty ? nil : counts
    }

    // MARK: Engagement

    /// Posts with reposts, comments and likes all known.
    var postsWithCounts: [PostFeatures] { (posts ?? []).filter { $0.engagements != nil } }

    /// Median over posts of (reposts + comments + likes) / followers.
    public var medianEngagementRate: Double? {
        guard let followers, followers > 0 else { return nil }
        // Straight from `posts`, not through `postsWithCounts`: no copy of each post's text index.
        let rates = (posts ?? []).compactMap { $0.engagements.map { Double($0) / Double(followers) } }
        return Descriptive.median(rates)
    }

    /// Median engagements per post: the "expected engagements" of one paid post. (Peer statistics ask it
    /// of every KOL for every request, so it reads the counts without copying the posts.)
    public var medianEngagements: Double? {
        Descriptive.median((posts ?? []).compactMap { $0.engagements.map(Double.init) })
    }
}

/// Growth between two consecutive `followerHistory` points.
public struct GrowthInterval: Hashable, Sendable {
    public var from: KOLDate
    public var to: KOLDate
    public var startFollowers: Int
    public var endFollowers: Int
    public var days: Double
    /// Followers gained per day over the interval (negative when the account lost followers).
    public var gainPerDay: Double { (Double(endFollowers) - Double(startFollowers)) / days }
    public var gain: Int { endFollowers &- startFollowers }

    /// Consecutive intervals of the dated points, oldest first; same-day duplicates keep the later point.
    static func intervals(from history: [FollowerCount]) -> [GrowthInterval] {
        let points = history.compactMap { point -> (KOLDate, Int)? in
            guard let date = point.date, let followers = point.followers else { return nil }
            return (date, followers)
        }.sorted { $0.0 < $1.0 }
        var result: [GrowthInterval] = []
        for (a, b) in zip(points, points.dropFirst()) {
            let days = (b.0.timeInterval - a.0.timeInterval) / 86_400
            guard days >= 0.5 else { continue }
            result.append(GrowthInterval(from: a.0, to: b.0, startFollowers: a.1, endFollowers: b.1, days: days))
        }
        return result
    }
}
