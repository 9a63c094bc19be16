#if canImport(Glibc)
import Glibc  // libm: Double.rounded() links against it on Linux
#endif
import JSON

/// Writes workspaces back to bytes, deterministically.
///
/// Layout of `.kol.json`: the top-level members one per line with 2-space indent, and each KOL as one
/// compact line inside `"kols"`. Why: a line per KOL keeps diffs and editor navigation readable at 10^4
/// KOLs, where a fully indented file would be hundreds of thousands of lines.
/// Fields are written in the contract's order, then unknown fields in their original order. Unknown
/// (nil) fields are omitted. Whole numbers are written without a fraction (`3`, not `3.0`).
public enum WorkspaceEncoder {
    public static func documentBytes(_ workspace: Workspace) -> [UInt8] {
        var out: [UInt8] = Array("{\n  \"version\": \(Workspace.supportedVersion)".utf8)
        if let brief = workspace.brief {
            out += Array(",\n  \"brief\": ".utf8) + value(brief).serialized()
        }
        out += Array(",\n  \"kols\": [".utf8)
        for (index, kol) in workspace.kols.enumerated() {
            out += Array((index == 0 ? "\n    " : ",\n    ").utf8) + value(kol).serialized()
        }
        out += Array((workspace.kols.isEmpty ? "]" : "\n  ]").utf8)
        for member in workspace.extra.members where !["version", "brief", "kols"].contains(member.key) {
            out += Array(",\n  ".utf8) + JSONValue.string(member.key).serialized() + Array(": ".utf8)
                + member.value.serialized()
        }
        out += Array("\n}\n".utf8)
        return out
    }

    /// One compact KOL object per line, each line ending in `\n`. No brief (JSONL has none).
    public static func jsonLinesBytes(_ kols: [KOL]) -> [UInt8] {
        var out: [UInt8] = []
        for kol in kols {
            out += value(kol).serialized()
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }

    // MARK: Values

    public static func value(_ kol: KOL) -> JSONValue {
        var o = JSONObject()
        o["id"] = .string(kol.id)
        o["name"] = kol.name.map(JSONValue.string)
        o["platform"] = kol.platform.map(JSONValue.string)
        o["stars"] = kol.stars.map(number)
        o["followers"] = kol.followers.map(integer)
        o["createdAt"] = kol.createdAt.map(date)
        o["verified"] = kol.verified.map(JSONValue.bool)
        o["price"] = kol.price.map(number)
        o["topics"] = kol.topics.map(strings)
        o["followerHistory"] = kol.followerHistory.map { .array($0.map(value)) }
        o["followerRegions"] = kol.followerRegions.map(value)
        o["posts"] = kol.posts.map { .array($0.map(value)) }
        o["channels"] = kol.channels.map { .array($0.map(value)) }
        o["fanSample"] = kol.fanSample.map { .array($0.map(value)) }
        o["campaigns"] = kol.campaigns.map { .array($0.map(value)) }
        o["relationship"] = kol.relationship.map(value)
        return .object(merged(o, kol.extra))
    }

    public static func value(_ brief: Brief) -> JSONValue {
        var o = JSONObject()
        o["product"] = brief.product.map(JSONValue.string)
        o["keywords"] = brief.keywords.map(strings)
        o["targetRegions"] = brief.targetRegions.map(strings)
        switch brief.tone {
        case .preset(let preset)?: o["tone"] = .string(preset.rawValue)
        case .samples(let samples)?:
            var tone = JSONObject()
            tone["samples"] = strings(samples)
            o["tone"] = .object(tone)
        case nil: break
        }
        o["budget"] = brief.budget.map(number)
        o["currency"] = brief.currency.map(JSONValue.string)
        if let weights = brief.weights {
            var w = JSONObject()
            for key in weights.keys.sorted() { w[key] = weights[key].map(number) }
            o["weights"] = .object(w)
        }
        o["thresholds"] = brief.thresholds.map(JSONValue.object)
        return .object(merged(o, brief.extra))
    }

    static func value(_ point: FollowerCount) -> JSONValue {
        var o = JSONObject()
        o["date"] = point.date.map(date)
        o["followers"] = point.followers.map(integer)
        return .object(merged(o, point.extra))
    }

    static func value(_ regions: FollowerRegions) -> JSONValue {
        var o = JSONObject()
        for entry in regions.entries { o[entry.region] = number(entry.value) }
        return .object(o)
    }

    static func value(_ post: Post) -> JSONValue {
        var o = JSONObject()
        o["id"] = post.id.map(JSONValue.string)
        o["at"] = post.at.map(date)
        o["text"] = post.text.map(JSONValue.string)
        o["reposts"] = post.reposts.map(integer)
        o["comments"] = post.comments.map(integer)
        o["likes"] = post.likes.map(integer)
        o["kolReplies"] = post.kolReplies.map(integer)
        o["isRepost"] = post.isRepost.map(JSONValue.bool)
        o["topics"] = post.topics.map(strings)
        return .object(merged(o, post.extra))
    }

    static func value(_ channel: Channel) -> JSONValue {
        var o = JSONObject()
        o["platform"] = channel.platform.map(JSONValue.string)
        o["name"] = channel.name.map(JSONValue.string)
        o["url"] = channel.url.map(JSONValue.string)
        o["followers"] = channel.followers.map(integer)
        o["topics"] = channel.topics.map(strings)
        o["posts"] = channel.posts.map { .array($0.map(value)) }
        return .object(merged(o, channel.extra))
    }

    static func value(_ fan: Fan) -> JSONValue {
        var o = JSONObject()
        o["id"] = fan.id.map(JSONValue.string)
        o["followers"] = fan.followers.map(integer)
        o["following"] = fan.following.map(integer)
        o["posts"] = fan.posts.map(integer)
        o["createdAt"] = fan.createdAt.map(date)
        o["avatar"] = fan.avatar.map(JSONValue.bool)
        o["bio"] = fan.bio.map(JSONValue.string)
        o["location"] = fan.location.map(JSONValue.string)
        o["verified"] = fan.verified.map(JSONValue.bool)
        o["lastPostAt"] = fan.lastPostAt.map(date)
        o["reposts"] = fan.reposts.map(number)
        o["links"] = fan.links.map(number)
        return .object(merged(o, fan.extra))
    }

    static func value(_ campaign: Campaign) -> JSONValue {
        var o = JSONObject()
        o["id"] = campaign.id.map(JSONValue.string)
        o["start"] = campaign.start.map(date)
        o["end"] = campaign.end.map(date)
        o["cost"] = campaign.cost.map(number)
        o["impressions"] = campaign.impressions.map(integer)
        o["engagements"] = campaign.engagements.map(integer)
        o["clicks"] = campaign.clicks.map(integer)
        o["conversions"] = campaign.conversions.map(integer)
        o["revenue"] = campaign.revenue.map(number)
        return .object(merged(o, campaign.extra))
    }

    static func value(_ relationship: Relationship) -> JSONValue {
        var o = JSONObject()
        o["stage"] = relationship.stage.map { .string($0.rawValue) }
        o["notes"] = relationship.notes.map(JSONValue.string)
        o["updatedAt"] = relationship.updatedAt.map(date)
        o["history"] = relationship.history.map { changes in
            .array(changes.map { change in
                var c = JSONObject()
                c["stage"] = change.stage.map { .string($0.rawValue) }
                c["at"] = change.at.map(date)
                c["note"] = change.note.map(JSONValue.string)
                return .object(merged(c, change.extra))
            })
        }
        return .object(merged(o, relationship.extra))
    }

    // MARK: Scalars

    static func number(_ value: Double) -> JSONValue {
        value.rounded() == value && abs(value) < 9e15 ? .int(Int64(value)) : .double(value)
    }

    static func integer(_ value: Int) -> JSONValue { .int(Int64(value)) }
    static func date(_ value: KOLDate) -> JSONValue { .string(value.description) }
    static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

    /// Known fields first, then extras; an extra never overrides a known field that has a value.
    private static func merged(_ known: JSONObject, _ extra: JSONObject) -> JSONObject {
        var result = known
        for member in extra.members where result[member.key] == nil { result[member.key] = member.value }
        return result
    }
}
