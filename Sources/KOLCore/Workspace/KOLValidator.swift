#if canImport(Glibc)
import Glibc  // libm: Double.rounded() links against it on Linux
#endif
import JSON

/// The semantic rules of the data contract, applied to typed values (types were checked by the decoder).
///
/// Each invalid value is cleared to nil (unknown, never 0), kept as written in the owner's `extra` so a save
/// writes it back for the user to fix, and reported with the range of the offending value.
struct KOLValidator {
    let now: KOLDate

    /// Slack for shares that should sum to at most 1 (spreadsheets round 0.333 three times).
    static let shareSumTolerance = 0.005

    func validate(_ kol: inout KOL, pathPrefix: String, ranges: [String: SourceRange]) -> [DataQualityDiagnostic] {
        validate(&kol, pathPrefix: pathPrefix, ranges: .table(ranges))
    }

    /// Lists are taken out of the KOL while they are checked (and put back), so checking a post does not
    /// copy the whole list: the KOL would otherwise still share it.
    func validate(_ kol: inout KOL, pathPrefix: String, ranges: FieldRangeLookup) -> [DataQualityDiagnostic] {
        var context = Context(kolID: kol.id, pathPrefix: pathPrefix, line: kol.source?.line, ranges: ranges)
        if kol.id.isEmpty {
            context.report(.missingID, "This KOL has an empty id; every KOL needs its Weibo uid as id.", at: "id")
        }
        if let stars = kol.stars, !(0...6).contains(stars) {
            context.report(.starsOutOfRange, "Stars must be between 0 and 6; this KOL has \(number(stars)).",
                           at: "stars", numbers: ["value": stars, "minimum": 0, "maximum": 6])
            kol.extra["stars"] = WorkspaceEncoder.number(stars)
            kol.stars = nil
        }
        if let followers = kol.followers, followers < 0 {
            context.report(.negativeFollowers, "Followers cannot be negative; this KOL has \(followers).",
                           at: "followers", numbers: ["value": Double(followers)])
            kol.extra["followers"] = .int(Int64(followers))
            kol.followers = nil
        }
        if let price = kol.price, price < 0 {
            context.report(.negativePrice, "The price cannot be negative; this KOL asks \(number(price)).",
                           at: "price", numbers: ["value": price])
            kol.extra["price"] = WorkspaceEncoder.number(price)
            kol.price = nil
        }
        if let createdAt = kol.createdAt, createdAt > now {
            context.report(.dateInFuture, "The account creation date \(createdAt) is in the future.",
                           at: "createdAt", numbers: ["value": createdAt.timeInterval, "now": now.timeInterval])
            kol.extra["createdAt"] = .string(createdAt.description)
            kol.createdAt = nil
        }
        if var history = kol.followerHistory {
            kol.followerHistory = nil
            for index in history.indices {
                validate(&history[index], at: FieldPath("followerHistory", index), &context)
            }
            kol.followerHistory = history
        }
        if let regions = kol.followerRegions, let problem = regionProblem(regions, &context) {
            kol.extra["followerRegions"] = problem
            kol.followerRegions = nil
        }
        if var posts = kol.posts {
            kol.posts = nil
            for index in posts.indices { validate(&posts[index], at: FieldPath("posts", index), &context) }
            kol.posts = posts
        }
        if var channels = kol.channels {
            kol.channels = nil
            for index in channels.indices {
                let path = FieldPath("channels", index)
                var channel = channels[index]
                channels[index] = Channel()
                checkCount(&channel.followers, "followers", in: &channel.extra, at: path, &context)
                if var posts = channel.posts {
                    channel.posts = nil
                    for p in posts.indices { validate(&posts[p], at: path.appending("posts", p), &context) }
                    channel.posts = posts
                }
                channels[index] = channel
            }
            kol.channels = channels
        }
        if var fans = kol.fanSample {
            kol.fanSample = nil
            for index in fans.indices { validate(&fans[index], at: FieldPath("fanSample", index), &context) }
            kol.fanSample = fans
        }
        if var campaigns = kol.campaigns {
            kol.campaigns = nil
            for index in campaigns.indices { validate(&campaigns[index], at: FieldPath("campaigns", index), &context) }
            kol.campaigns = campaigns
        }
        return context.diagnostics
    }

    // MARK: Parts

    private func validate(_ point: inout FollowerCount, at path: @autoclosure () -> FieldPath, _ context: inout Context) {
        if let followers = point.followers, followers < 0 {
            context.report(.negativeFollowers, "A follower count cannot be negative; this history point has \(followers).",
                           at: path().appending("followers"), numbers: ["value": Double(followers)])
            point.extra["followers"] = .int(Int64(followers))
            point.followers = nil
        }
        checkNotFuture(&point.date, "date", in: &point.extra, at: path(), what: "This follower count's date", &context)
    }

    private func regionProblem(_ regions: FollowerRegions, _ context: inout Context) -> JSONValue? {
        var written = JSONObject()
        for entry in regions.entries { written[entry.region] = WorkspaceEncoder.number(entry.value) }
        if let negative = regions.entries.first(where: { $0.value < 0 }) {
            context.report(.negativeRegionValue,
                           "Followers in \(negative.region) cannot be negative (\(number(negative.value))).",
                           at: FieldPath("followerRegions").appending(negative.region), numbers: ["value": negative.value])
            return .object(written)
        }
        if regions.form == .shares, regions.total > 1 + KOLValidator.shareSumTolerance {
            let total = regions.total
            context.report(.regionSharesOverOne,
                           "Region shares add up to \(number(total * 100)) %; they can be at most 100 %.",
                           at: "followerRegions", numbers: ["sum": total, "maximum": 1])
            return .object(written)
        }
        return nil
    }

    private func validate(_ post: inout Post, at path: @autoclosure () -> FieldPath, _ context: inout Context) {
        if let at = post.at, at > now {
            context.report(.postInFuture, "This post is dated \(at), which is in the future.",
                           at: path().appending("at"), numbers: ["value": at.timeInterval, "now": now.timeInterval])
            post.extra["at"] = .string(at.description)
            post.at = nil
        }
        checkCount(&post.reposts, "reposts", in: &post.extra, at: path(), &context)
        checkCount(&post.comments, "comments", in: &post.extra, at: path(), &context)
        checkCount(&post.likes, "likes", in: &post.extra, at: path(), &context)
        checkCount(&post.kolReplies, "kolReplies", in: &post.extra, at: path(), &context)
        if let replies = post.kolReplies, let comments = post.comments, replies > comments {
            context.report(.repliesExceedComments,
                           "The KOL answered \(replies) comments but the post has only \(comments).",
                           at: path().appending("kolReplies"), numbers: ["kolReplies": Double(replies), "comments": Double(comments)])
            post.extra["kolReplies"] = .int(Int64(replies))
            post.kolReplies = nil
        }
    }

    private func validate(_ fan: inout Fan, at path: @autoclosure () -> FieldPath, _ context: inout Context) {
        checkCount(&fan.followers, "followers", in: &fan.extra, at: path(), &context)
        checkCount(&fan.following, "following", in: &fan.extra, at: path(), &context)
        checkCount(&fan.posts, "posts", in: &fan.extra, at: path(), &context)
        checkNotFuture(&fan.createdAt, "createdAt", in: &fan.extra, at: path(), what: "This fan's creation date", &context)
        checkNotFuture(&fan.lastPostAt, "lastPostAt", in: &fan.extra, at: path(), what: "This fan's last post", &context)
        for (key, value) in [("reposts", fan.reposts), ("links", fan.links)] {
            guard let value, !(0...1).contains(value) else { continue }
            context.report(.shareOutOfRange, "A fan's \(key) share must be between 0 and 1; it is \(number(value)).",
                           at: path().appending(key), numbers: ["value": value, "minimum": 0, "maximum": 1])
            fan.extra[key] = WorkspaceEncoder.number(value)
            if key == "reposts" { fan.reposts = nil } else { fan.links = nil }
        }
    }

    private func validate(_ campaign: inout Campaign, at path: @autoclosure () -> FieldPath, _ context: inout Context) {
        for key in ["cost", "revenue"] {
            let value = key == "cost" ? campaign.cost : campaign.revenue
            guard let value, value < 0 else { continue }
            context.report(.negativeAmount, "A campaign's \(key) cannot be negative (\(number(value))).",
                           at: path().appending(key), numbers: ["value": value])
            campaign.extra[key] = WorkspaceEncoder.number(value)
            if key == "cost" { campaign.cost = nil } else { campaign.revenue = nil }
        }
        checkCount(&campaign.impressions, "impressions", in: &campaign.extra, at: path(), &context)
        checkCount(&campaign.engagements, "engagements", in: &campaign.extra, at: path(), &context)
        checkCount(&campaign.clicks, "clicks", in: &campaign.extra, at: path(), &context)
        checkCount(&campaign.conversions, "conversions", in: &campaign.extra, at: path(), &context)
        checkNotFuture(&campaign.start, "start", in: &campaign.extra, at: path(), what: "This campaign's start", &context)
        if let start = campaign.start, let end = campaign.end, end < start {
            context.report(.endBeforeStart, "This campaign ends on \(end), before it starts on \(start).",
                           at: path().appending("end"), numbers: ["start": start.timeInterval, "end": end.timeInterval])
            campaign.extra["end"] = .string(end.description)
            campaign.end = nil
        }
    }

    private func checkCount(_ value: inout Int?, _ key: String, in extra: inout JSONObject,
                            at path: @autoclosure () -> FieldPath,
                            _ context: inout Context) {
        guard let count = value, count < 0 else { return }
        context.report(.negativeCount, "\(key) cannot be negative; here it is \(count).",
                       at: path().appending(key), numbers: ["value": Double(count)])
        extra[key] = .int(Int64(count))
        value = nil
    }

    private func checkNotFuture(_ value: inout KOLDate?, _ key: String, in extra: inout JSONObject,
                                at path: @autoclosure () -> FieldPath,
                                what: String, _ context: inout Context) {
        guard let date = value, date > now else { return }
        context.report(.dateInFuture, "\(what) (\(date)) is in the future.",
                       at: path().appending(key), numbers: ["value": date.timeInterval, "now": now.timeInterval])
        extra[key] = .string(date.description)
        value = nil
    }

    /// Collects diagnostics for one KOL, resolving field paths to ranges.
    struct Context {
        let kolID: String
        let pathPrefix: String
        let line: Int?
        let ranges: FieldRangeLookup
        var diagnostics: [DataQualityDiagnostic] = []

        mutating func report(_ code: DataQualityCode, _ message: String, at path: FieldPath,
                             numbers: [String: Double] = [:]) {
            diagnostics.append(DataQualityDiagnostic(
                code: code, message: message, range: ranges.range(of: path), path: pathPrefix + path.dottedText,
                kolId: kolID.isEmpty ? nil : kolID, line: line, numbers: numbers))
        }
    }
}

/// A number as a marketer writes it: `7`, not `7.0`; `3.5` stays `3.5`.
func number(_ value: Double) -> String {
    if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
    return String((value * 1000).rounded() / 1000)
}
