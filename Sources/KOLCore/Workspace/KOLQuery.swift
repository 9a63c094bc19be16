/// A `kol/list` request: filters, field selection and paging over the workspace, in workspace order.
public struct KOLQuery: Hashable, Sendable {
    public var stage: RelationshipStage?
    /// KOLs with any follower share in this region (by `followerRegions`).
    public var region: String?
    public var minStars: Double?
    public var minFollowers: Int?
    /// Top-level field names to return; nil means all. `id` is always returned.
    public var fields: [String]?
    public var offset: Int
    public var limit: Int?

    public init(stage: RelationshipStage? = nil, region: String? = nil, minStars: Double? = nil,
                minFollowers: Int? = nil, fields: [String]? = nil, offset: Int = 0, limit: Int? = nil) {
        self.stage = stage
        self.region = region
        self.minStars = minStars
        self.minFollowers = minFollowers
        self.fields = fields
        self.offset = offset
        self.limit = limit
    }

    /// A KOL with an unknown value never passes a filter on that value: unknown is not "enough".
    public func matches(_ kol: KOL) -> Bool {
        if let stage, kol.relationship?.stage != stage { return false }
        if let region, (kol.followerRegions?[region] ?? 0) <= 0 { return false }
        if let minStars, (kol.stars ?? -1) < minStars { return false }
        if let minFollowers, (kol.followers ?? -1) < minFollowers { return false }
        return true
    }
}

/// One page of a `kol/list` answer.
public struct KOLPage: Sendable {
    /// The page's KOLs; apply `query.fields` with `KOLQuery.select(_:)` when writing them out.
    public var kols: [KOL]
    /// How many KOLs matched the filters, across all pages.
    public var total: Int
}

extension Workspace {
    public func list(_ query: KOLQuery) -> KOLPage {
        let matching = kols.filter(query.matches)
        let start = min(max(query.offset, 0), matching.count)
        // `matching.count - start` first: `start + limit` overflows for a limit near Int.max.
        let end = query.limit.map { start + min(matching.count - start, max($0, 0)) } ?? matching.count
        return KOLPage(kols: Array(matching[start..<end]), total: matching.count)
    }
}

import JSON

extension KOLQuery {
    /// The KOL as JSON with only the selected top-level fields (all when `fields` is nil), `id` first.
    public func select(_ kol: KOL) -> JSONValue {
        let full = WorkspaceEncoder.value(kol)
        guard let fields, case .object(let object) = full else { return full }
        var selected = JSONObject()
        selected["id"] = .string(kol.id)
        for field in fields where field != "id" { selected[field] = object[field] }
        return .object(selected)
    }
}
