import JSON

/// Where the brand stands with a KOL. The stage is an explicit enum, with a dated history of changes.
public struct Relationship: Hashable, Sendable {
    /// Required by the contract; nil when missing or not one of the known stages (a diagnostic says so).
    public var stage: RelationshipStage?
    public var notes: String?
    public var updatedAt: KOLDate?
    /// Earlier stages, oldest first (an addition to workspace-v1: `relationship.history`).
    public var history: [StageChange]?
    public var extra: JSONObject

    public init(stage: RelationshipStage? = nil, notes: String? = nil, updatedAt: KOLDate? = nil,
                history: [StageChange]? = nil, extra: JSONObject = JSONObject()) {
        self.stage = stage
        self.notes = notes
        self.updatedAt = updatedAt
        self.history = history
        self.extra = extra
    }
}

/// The pipeline a KOL moves through, in its usual order.
public enum RelationshipStage: String, Hashable, Sendable, CaseIterable, Comparable {
    case candidate, contacted, sampling, posted, partner, dropped

    public static func < (a: RelationshipStage, b: RelationshipStage) -> Bool {
        let order = RelationshipStage.allCases
        return (order.firstIndex(of: a) ?? 0) < (order.firstIndex(of: b) ?? 0)
    }
}

/// One entry of `relationship.history`: `{ "stage", "at", "note"? }`.
public struct StageChange: Hashable, Sendable {
    public var stage: RelationshipStage?
    public var at: KOLDate?
    public var note: String?
    public var extra: JSONObject

    public init(stage: RelationshipStage? = nil, at: KOLDate? = nil, note: String? = nil,
                extra: JSONObject = JSONObject()) {
        self.stage = stage
        self.at = at
        self.note = note
        self.extra = extra
    }
}
