import JSON

/// Decodes one KOL object (from a `.kol.json` document, a JSONL line, or an RPC request) and validates it.
public enum KOLDecoder {
    /// Decodes and validates a KOL. Returns nil (with a `missing-id` or `wrong-type` diagnostic) when the
    /// node is not an object or has no usable id: such a KOL cannot join a workspace.
    ///
    /// - Parameters:
    ///   - pathPrefix: the KOL's document path for diagnostics (`kols[3]`; empty for a lone KOL).
    ///   - offset: added to every range (a JSONL line's byte offset in the file).
    ///   - line: 1-based JSONL line, recorded in the source and diagnostics.
    public static func decode(_ node: JSONNode, origin: String? = nil, now: KOLDate, pathPrefix: String = "",
                              detail: SourceDetail = .full, offset: Int = 0, line: Int? = nil)
        -> (kol: KOL?, diagnostics: [DataQualityDiagnostic]) {
        var reader = JSONFieldReader(pathPrefix: pathPrefix, line: line, offset: offset)
        guard node.kind == .object else {
            reader.wrongType(node, "", expected: "a KOL object")
            return (nil, reader.diagnostics)
        }
        var kol = KOL(id: "")
        if let idNode = node["id"] {
            if let text = idNode.string, !text.trimmingSpaces.isEmpty {
                kol.id = text
            } else if let number = idNode.int {
                // Spreadsheet and API exports often write the Weibo uid as a number: accept it, but say so.
                kol.id = String(number)
                reader.report(.wrongType, "id should be text (\"\(number)\"); the number was accepted as text.",
                              idNode, "id", severity: .warning)
            }
        }
        guard !kol.id.isEmpty else {
            let where_ = node["id"] ?? node
            reader.report(.missingID, "This KOL has no id; every KOL needs its Weibo uid as a text id.", where_,
                          node["id"] == nil ? "" : "id")
            return (nil, reader.diagnostics)
        }
        reader.kolID = kol.id
        reader.members(of: node, "", extra: &kol.extra) { r, key, value, path in
            switch key {
            case "id": return true
            case "name": return accept(&kol.name, r.string(value, path))
            case "platform": return accept(&kol.platform, r.string(value, path))
            case "stars": return accept(&kol.stars, r.double(value, path))
            case "followers": return accept(&kol.followers, r.integer(value, path))
            case "createdAt": return accept(&kol.createdAt, r.date(value, path))
            case "verified": return accept(&kol.verified, r.bool(value, path))
            case "price": return accept(&kol.price, r.double(value, path))
            case "topics": return accept(&kol.topics, r.strings(value, path))
            case "followerHistory":
                return accept(&kol.followerHistory, r.objects(value, path, expected: "{date, followers} points", followerCount))
            case "followerRegions": return accept(&kol.followerRegions, regions(&r, value, path))
            case "posts": return accept(&kol.posts, r.objects(value, path, expected: "posts", post))
            case "channels": return accept(&kol.channels, r.objects(value, path, expected: "channels", channel))
            case "fanSample": return accept(&kol.fanSample, r.objects(value, path, expected: "fans", fan))
            case "campaigns": return accept(&kol.campaigns, r.objects(value, path, expected: "campaigns", campaign))
            case "relationship": return accept(&kol.relationship, relationship(&r, value, path))
            default: return nil
            }
        }
        kol.source = KOLSource(origin: origin, range: reader.shifted(node.range), line: line, fieldRanges: reader.ranges)
        let validation = KOLValidator(now: now).validate(&kol, pathPrefix: pathPrefix.isEmpty ? "" : pathPrefix + ".",
                                                         ranges: reader.ranges)
        if case .topLevel = detail {
            // A byte scan, not `String.contains(_:)`: that goes through Foundation's locale-aware search and
            // was half of a JSONL load's instructions.
            kol.source?.fieldRanges = reader.ranges.filter { !$0.key.utf8.contains { $0 == 0x2E || $0 == 0x5B } }
        }
        return (kol, reader.diagnostics + validation)
    }

    // MARK: Parts

    static func followerCount(_ r: inout JSONFieldReader, _ node: JSONNode, _ path: String) -> FollowerCount {
        var point = FollowerCount()
        r.members(of: node, path, extra: &point.extra) { r, key, value, path in
            switch key {
            case "date": return accept(&point.date, r.date(value, path))
            case "followers": return accept(&point.followers, r.integer(value, path))
            default: return nil
            }
        }
        if point.date == nil, node["date"] == nil {
            r.report(.missingField, "This follower-history point has no date.", node, path)
        }
        return point
    }

    static func regions(_ r: inout JSONFieldReader, _ node: JSONNode, _ path: String) -> FollowerRegions? {
        if node.isNull { return nil }
        guard node.kind == .object else {
            r.wrongType(node, path, expected: "an object of region: number")
            return nil
        }
        var entries: [FollowerRegions.Entry] = []
        var complete = true
        for member in node.members {
            let memberPath = join(path, member.key)
            r.record(memberPath, member.value)
            if let value = r.double(member.value, memberPath) {
                entries.append(FollowerRegions.Entry(region: member.key, value: value))
            } else {
                complete = false
            }
        }
        // A table with a bad value is left unknown as a whole: shares of a partial table would mislead.
        return complete ? FollowerRegions(entries: entries) : nil
    }

    static func post(_ r: inout JSONFieldReader, _ node: JSONNode, _ path: String) -> Post {
        var post = Post()
        r.members(of: node, path, extra: &post.extra) { r, key, value, path in
            switch key {
            case "id": return accept(&post.id, r.string(value, path))
            case "at": return accept(&post.at, r.date(value, path))
            case "text": return accept(&post.text, r.string(value, path))
            case "reposts": return accept(&post.reposts, r.integer(value, path))
            case "comments": return accept(&post.comments, r.integer(value, path))
            case "likes": return accept(&post.likes, r.integer(value, path))
            case "kolReplies": return accept(&post.kolReplies, r.integer(value, path))
            case "isRepost": return accept(&post.isRepost, r.bool(value, path))
            case "topics": return accept(&post.topics, r.strings(value, path))
            default: return nil
            }
        }
        if node["at"] == nil { r.report(.missingField, "This post has no date (\"at\").", node, path) }
        return post
    }

    static func channel(_ r: inout JSONFieldReader, _ node: JSONNode, _ path: String) -> Channel {
        var channel = Channel()
        r.members(of: node, path, extra: &channel.extra) { r, key, value, path in
            switch key {
            case "platform": return accept(&channel.platform, r.string(value, path))
            case "name": return accept(&channel.name, r.string(value, path))
            case "url": return accept(&channel.url, r.string(value, path))
            case "followers": return accept(&channel.followers, r.integer(value, path))
            case "topics": return accept(&channel.topics, r.strings(value, path))
            case "posts": return accept(&channel.posts, r.objects(value, path, expected: "posts", post))
            default: return nil
            }
        }
        if node["platform"] == nil { r.report(.missingField, "This channel does not say its platform.", node, path) }
        return channel
    }

    static func fan(_ r: inout JSONFieldReader, _ node: JSONNode, _ path: String) -> Fan {
        var fan = Fan()
        r.members(of: node, path, extra: &fan.extra) { r, key, value, path in
            switch key {
            case "id": return accept(&fan.id, r.string(value, path))
            case "followers": return accept(&fan.followers, r.integer(value, path))
            case "following": return accept(&fan.following, r.integer(value, path))
            case "posts": return accept(&fan.posts, r.integer(value, path))
            case "createdAt": return accept(&fan.createdAt, r.date(value, path))
            case "avatar": return accept(&fan.avatar, r.bool(value, path))
            case "bio": return accept(&fan.bio, r.string(value, path))
            case "location": return accept(&fan.location, r.string(value, path))
            case "verified": return accept(&fan.verified, r.bool(value, path))
            case "lastPostAt": return accept(&fan.lastPostAt, r.date(value, path))
            case "reposts": return accept(&fan.reposts, r.double(value, path))
            case "links": return accept(&fan.links, r.double(value, path))
            default: return nil
            }
        }
        return fan
    }

    static func campaign(_ r: inout JSONFieldReader, _ node: JSONNode, _ path: String) -> Campaign {
        var campaign = Campaign()
        r.members(of: node, path, extra: &campaign.extra) { r, key, value, path in
            switch key {
            case "id": return accept(&campaign.id, r.string(value, path))
            case "start": return accept(&campaign.start, r.date(value, path))
            case "end": return accept(&campaign.end, r.date(value, path))
            case "cost": return accept(&campaign.cost, r.double(value, path))
            case "impressions": return accept(&campaign.impressions, r.integer(value, path))
            case "engagements": return accept(&campaign.engagements, r.integer(value, path))
            case "clicks": return accept(&campaign.clicks, r.integer(value, path))
            case "conversions": return accept(&campaign.conversions, r.integer(value, path))
            case "revenue": return accept(&campaign.revenue, r.double(value, path))
            default: return nil
            }
        }
        for required in ["id", "start", "cost"] where node[required] == nil {
            r.report(.missingField, "This campaign has no \(required).", node, path)
        }
        return campaign
    }

    static func relationship(_ r: inout JSONFieldReader, _ node: JSONNode, _ path: String) -> Relationship? {
        if node.isNull { return nil }
        guard node.kind == .object else {
            r.wrongType(node, path, expected: "an object with a stage")
            return nil
        }
        var relationship = Relationship()
        r.members(of: node, path, extra: &relationship.extra) { r, key, value, path in
            switch key {
            case "stage": return accept(&relationship.stage, stage(&r, value, path))
            case "notes": return accept(&relationship.notes, r.string(value, path))
            case "updatedAt": return accept(&relationship.updatedAt, r.date(value, path))
            case "history": return accept(&relationship.history, r.objects(value, path, expected: "stage changes", stageChange))
            default: return nil
            }
        }
        if node["stage"] == nil { r.report(.missingField, "The relationship has no stage.", node, path) }
        return relationship
    }

    static func stageChange(_ r: inout JSONFieldReader, _ node: JSONNode, _ path: String) -> StageChange {
        var change = StageChange()
        r.members(of: node, path, extra: &change.extra) { r, key, value, path in
            switch key {
            case "stage": return accept(&change.stage, stage(&r, value, path))
            case "at": return accept(&change.at, r.date(value, path))
            case "note": return accept(&change.note, r.string(value, path))
            default: return nil
            }
        }
        return change
    }

    static func stage(_ r: inout JSONFieldReader, _ node: JSONNode, _ path: String) -> RelationshipStage? {
        guard let text = r.string(node, path) else { return nil }
        guard let stage = RelationshipStage(rawValue: text) else {
            let known = RelationshipStage.allCases.map(\.rawValue).joined(separator: ", ")
            r.report(.unknownStage, "\"\(text)\" is not a relationship stage; use one of \(known).", node, path)
            return nil
        }
        return stage
    }
}
