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
        var reader = JSONFieldReader(pathPrefix: pathPrefix, line: line, offset: offset, detail: detail)
        guard node.kind == .object else {
            reader.wrongType(node, expected: "a KOL object")
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
                              idNode, child: "id", severity: .warning)
            }
        }
        guard !kol.id.isEmpty else {
            let where_ = node["id"] ?? node
            reader.report(.missingID, "This KOL has no id; every KOL needs its Weibo uid as a text id.", where_,
                          child: node["id"] == nil ? nil : "id")
            return (nil, reader.diagnostics)
        }
        reader.kolID = kol.id
        reader.members(of: node, extra: &kol.extra) { (r, field: KOLField, value) in
            switch field {
            case .id: return true
            case .name: return accept(&kol.name, r.string(value))
            case .platform: return accept(&kol.platform, r.string(value))
            case .stars: return accept(&kol.stars, r.double(value))
            case .followers: return accept(&kol.followers, r.integer(value))
            case .createdAt: return accept(&kol.createdAt, r.date(value))
            case .verified: return accept(&kol.verified, r.bool(value))
            case .price: return accept(&kol.price, r.double(value))
            case .topics: return accept(&kol.topics, r.strings(value))
            case .followerHistory:
                return accept(&kol.followerHistory, r.objects(value, expected: "{date, followers} points", followerCount))
            case .followerRegions: return accept(&kol.followerRegions, regions(&r, value))
            case .posts: return accept(&kol.posts, r.objects(value, expected: "posts", post))
            case .channels: return accept(&kol.channels, r.objects(value, expected: "channels", channel))
            case .fanSample: return accept(&kol.fanSample, r.objects(value, expected: "fans", fan))
            case .campaigns: return accept(&kol.campaigns, r.objects(value, expected: "campaigns", campaign))
            case .relationship: return accept(&kol.relationship, relationship(&r, value))
            }
        }
        // With `.topLevel` detail the reader recorded the top-level fields only; the validator finds the
        // range of a nested value it reports by walking the node, so no range table is built for it.
        kol.source = KOLSource(origin: origin, range: reader.shifted(node.range), line: line, fieldRanges: reader.fieldRanges)
        let validation = KOLValidator(now: now).validate(&kol, pathPrefix: pathPrefix.isEmpty ? "" : pathPrefix + ".",
                                                         ranges: .node(node, offset: offset))
        return (kol, reader.diagnostics + validation)
    }

    // MARK: Parts

    static func followerCount(_ r: inout JSONFieldReader, _ node: JSONNode) -> FollowerCount {
        var point = FollowerCount()
        var hasDate = false  // whether the key is there at all (a second lookup per point otherwise)
        r.members(of: node, extra: &point.extra) { (r, field: FollowerCountField, value) in
            switch field {
            case .date:
                hasDate = true
                return accept(&point.date, r.date(value))
            case .followers: return accept(&point.followers, r.integer(value))
            }
        }
        if point.date == nil, !hasDate {
            r.report(.missingField, "This follower-history point has no date.", node)
        }
        return point
    }

    static func regions(_ r: inout JSONFieldReader, _ node: JSONNode) -> FollowerRegions? {
        if node.isNull { return nil }
        guard node.kind == .object else {
            r.wrongType(node, expected: "an object of region: number")
            return nil
        }
        var entries: [FollowerRegions.Entry] = []
        var complete = true
        node.forEachMember { key, node in
            let value = r.within(key) { r in
                r.record(node)
                return r.double(node)
            }
            if let value {
                entries.append(FollowerRegions.Entry(region: key, value: value))
            } else {
                complete = false
            }
        }
        // A table with a bad value is left unknown as a whole: shares of a partial table would mislead.
        return complete ? FollowerRegions(entries: entries) : nil
    }

    static func post(_ r: inout JSONFieldReader, _ node: JSONNode) -> Post {
        var post = Post()
        var hasAt = false  // whether the key is there at all (a second lookup per post otherwise)
        r.members(of: node, extra: &post.extra) { (r, field: PostField, value) in
            switch field {
            case .id: return accept(&post.id, r.string(value))
            case .at:
                hasAt = true
                return accept(&post.at, r.date(value))
            case .text: return accept(&post.text, r.string(value))
            case .reposts: return accept(&post.reposts, r.integer(value))
            case .comments: return accept(&post.comments, r.integer(value))
            case .likes: return accept(&post.likes, r.integer(value))
            case .kolReplies: return accept(&post.kolReplies, r.integer(value))
            case .isRepost: return accept(&post.isRepost, r.bool(value))
            case .topics: return accept(&post.topics, r.strings(value))
            }
        }
        if !hasAt { r.report(.missingField, "This post has no date (\"at\").", node) }
        return post
    }

    static func channel(_ r: inout JSONFieldReader, _ node: JSONNode) -> Channel {
        var channel = Channel()
        r.members(of: node, extra: &channel.extra) { r, key, value in
            switch key {
            case "platform": return accept(&channel.platform, r.string(value))
            case "name": return accept(&channel.name, r.string(value))
            case "url": return accept(&channel.url, r.string(value))
            case "followers": return accept(&channel.followers, r.integer(value))
            case "topics": return accept(&channel.topics, r.strings(value))
            case "posts": return accept(&channel.posts, r.objects(value, expected: "posts", post))
            default: return nil
            }
        }
        if node["platform"] == nil { r.report(.missingField, "This channel does not say its platform.", node) }
        return channel
    }

    /// A fan decoded on its own (a request's `fans[i]`): `path` names it in diagnostics.
    static func fan(_ r: inout JSONFieldReader, _ node: JSONNode, _ path: String) -> Fan {
        r.within(path) { fan(&$0, node) }
    }

    static func fan(_ r: inout JSONFieldReader, _ node: JSONNode) -> Fan {
        var fan = Fan()
        r.members(of: node, extra: &fan.extra) { (r, field: FanField, value) in
            switch field {
            case .id: return accept(&fan.id, r.string(value))
            case .followers: return accept(&fan.followers, r.integer(value))
            case .following: return accept(&fan.following, r.integer(value))
            case .posts: return accept(&fan.posts, r.integer(value))
            case .createdAt: return accept(&fan.createdAt, r.date(value))
            case .avatar: return accept(&fan.avatar, r.bool(value))
            case .bio: return accept(&fan.bio, r.string(value))
            case .location: return accept(&fan.location, r.string(value))
            case .verified: return accept(&fan.verified, r.bool(value))
            case .lastPostAt: return accept(&fan.lastPostAt, r.date(value))
            case .reposts: return accept(&fan.reposts, r.double(value))
            case .links: return accept(&fan.links, r.double(value))
            }
        }
        return fan
    }

    /// A campaign decoded on its own (a request's `campaign`): `path` names it in diagnostics.
    static func campaign(_ r: inout JSONFieldReader, _ node: JSONNode, _ path: String) -> Campaign {
        r.within(path) { campaign(&$0, node) }
    }

    static func campaign(_ r: inout JSONFieldReader, _ node: JSONNode) -> Campaign {
        var campaign = Campaign()
        r.members(of: node, extra: &campaign.extra) { r, key, value in
            switch key {
            case "id": return accept(&campaign.id, r.string(value))
            case "start": return accept(&campaign.start, r.date(value))
            case "end": return accept(&campaign.end, r.date(value))
            case "cost": return accept(&campaign.cost, r.double(value))
            case "impressions": return accept(&campaign.impressions, r.integer(value))
            case "engagements": return accept(&campaign.engagements, r.integer(value))
            case "clicks": return accept(&campaign.clicks, r.integer(value))
            case "conversions": return accept(&campaign.conversions, r.integer(value))
            case "revenue": return accept(&campaign.revenue, r.double(value))
            default: return nil
            }
        }
        for required in ["id", "start", "cost"] where node[required] == nil {
            r.report(.missingField, "This campaign has no \(required).", node)
        }
        return campaign
    }

    static func relationship(_ r: inout JSONFieldReader, _ node: JSONNode) -> Relationship? {
        if node.isNull { return nil }
        guard node.kind == .object else {
            r.wrongType(node, expected: "an object with a stage")
            return nil
        }
        var relationship = Relationship()
        r.members(of: node, extra: &relationship.extra) { r, key, value in
            switch key {
            case "stage": return accept(&relationship.stage, stage(&r, value))
            case "notes": return accept(&relationship.notes, r.string(value))
            case "updatedAt": return accept(&relationship.updatedAt, r.date(value))
            case "history": return accept(&relationship.history, r.objects(value, expected: "stage changes", stageChange))
            default: return nil
            }
        }
        if node["stage"] == nil { r.report(.missingField, "The relationship has no stage.", node) }
        return relationship
    }

    static func stageChange(_ r: inout JSONFieldReader, _ node: JSONNode) -> StageChange {
        var change = StageChange()
        r.members(of: node, extra: &change.extra) { r, key, value in
            switch key {
            case "stage": return accept(&change.stage, stage(&r, value))
            case "at": return accept(&change.at, r.date(value))
            case "note": return accept(&change.note, r.string(value))
            default: return nil
            }
        }
        return change
    }

    static func stage(_ r: inout JSONFieldReader, _ node: JSONNode) -> RelationshipStage? {
        guard let text = r.string(node) else { return nil }
        guard let stage = RelationshipStage(rawValue: text) else {
            let known = RelationshipStage.allCases.map(\.rawValue).joined(separator: ", ")
            r.report(.unknownStage, "\"\(text)\" is not a relationship stage; use one of \(known).", node)
            return nil
        }
        return stage
    }
}
