import JSON

/// `kol/rank` parameters: filters, paging and the budget for the shortlist.
public struct RankRequest: Hashable, Sendable {
    /// Keep KOLs scoring at least this (KOLs without a score are dropped when set).
    public var minScore: Double?
    /// Keep KOLs with at least `minRegionShare` of followers in this province or city.
    public var region: String?
    /// Keep KOLs in these relationship stages (a KOL without a stage counts as `candidate`).
    public var stages: Set<RelationshipStage>?
    public var offset: Int
    /// Page size; nil returns all.
    public var limit: Int?
    /// Budget for the shortlist; nil uses `brief.budget`; no budget at all means no shortlist.
    public var budget: Double?
    /// Let KOLs with an error-severity flag into the shortlist and pilot (default false: they are listed in
    /// `excluded` with their flags instead). Why off by default: an error flag means a bought audience or no
    /// fit with this brief, which a careful marketer would not book on a score alone.
    public var includeErrorFlagged: Bool
    /// How many exclusions to list (rank order); nil lists all. `excludedTotal` and `excludedFlags` always
    /// count all of them. Why: in a 10^5-KOL category most KOLs can clash with one brief (tone, region), and
    /// listing each would make a 20-row answer tens of megabytes.
    public var excludedLimit: Int?

    /// Engineering judgement: a region "counts" for a KOL when it holds a tenth of the followers.
    public static let minRegionShare = 0.10

    public init(minScore: Double? = nil, region: String? = nil, stages: Set<RelationshipStage>? = nil,
                offset: Int = 0, limit: Int? = nil, budget: Double? = nil, includeErrorFlagged: Bool = false,
                excludedLimit: Int? = nil) {
        self.minScore = minScore
        self.region = region
        self.stages = stages
        self.offset = offset
        self.limit = limit
        self.budget = budget
        self.includeErrorFlagged = includeErrorFlagged
        self.excludedLimit = excludedLimit
    }
}

/// One row of `kol/rank`.
public struct RankedKOL: Hashable, Sendable {
    public var id: String
    public var name: String?
    public var score: Double?
    public var confidence: Double
    public var price: Double?
    /// Codes of the raised red flags, most severe first.
    public var flags: [RedFlagCode]
    public var hasErrors: Bool

    public var json: JSONValue {
        .object(["id": .string(id), "name": name.map { .string($0) } ?? .null,
                 "score": score.map { .double(Scoring.round($0, 1)) } ?? .null,
                 "confidence": .double(Scoring.round(confidence, 3)),
                 "price": price.map { .double($0) } ?? .null, "flags": .array(flags.map { .string($0.rawValue) })])
    }
}

/// A KOL kept out of the shortlist and pilot, with why.
public struct RankExclusion: Hashable, Sendable {
    /// Why a ranked KOL is not a shortlist or pilot candidate.
    public enum Reason: Hashable, Sendable {
        /// Error-severity red flags, most severe first (a request's `includeErrorFlagged` lets them in).
        case errorFlags([RedFlagCode])
        /// The relationship stage is `dropped`: the business already decided against this KOL.
        case dropped
    }

    public var id: String
    public var reason: Reason

    /// The error flags that kept it out (empty for a dropped KOL).
    public var flags: [RedFlagCode] {
        if case .errorFlags(let codes) = reason { return codes }
        return []
    }

    /// A few words for reports: the flag codes, or "dropped".
    public var label: String {
        switch reason {
        case .errorFlags(let codes): codes.map(\.rawValue).joined(separator: ", ")
        case .dropped: "stage dropped"
        }
    }

    /// `{ id, reason: "errorFlags" | "dropped", flags: [code], why }`.
    public var json: JSONValue {
        let why: String
        let code: String
        switch reason {
        case .errorFlags:
            code = "errorFlags"
            why = "Error-severity red flag (\(label)): kept out of the shortlist and pilot; "
                + "pass includeErrorFlagged to consider it."
        case .dropped:
            code = "dropped"
            why = "The relationship stage is dropped: kept out of the shortlist and pilot; "
                + "move it back with kol/setStage to consider it."
        }
        return .object(["id": .string(id), "reason": .string(code), "flags": .array(flags.map { .string($0.rawValue) }),
                        "why": .string(why)])
    }
}

extension RankExclusion {
    /// `json` of each exclusion, in order. Why a batch: most workspaces exclude many KOLs for a handful
    /// of distinct reasons (at 10^4 KOLs of the benchmark, ~9,900 for `tone-clash`), and building the same
    /// explanation text per KOL was most of a weights-only answer's JSON; each distinct reason's members
    /// are built once and only the id differs.
    static func json(_ exclusions: [RankExclusion]) -> [JSONValue] {
        var templates: [Reason: JSONObject] = [:]
        return exclusions.map { exclusion in
            var object: JSONObject
            if let template = templates[exclusion.reason] {
                object = template
            } else if case .object(let built) = exclusion.json {
                templates[exclusion.reason] = built
                object = built
            } else {
                return exclusion.json
            }
            object["id"] = .string(exclusion.id)
            return .object(object)
        }
    }
}

/// `kol/rank` result: `{ kols, total, shortlist: { kols, total, score, budget }, pilot, pilotReasons, excluded,
/// excludedTotal, excludedFlags }`.
public struct RankResult: Hashable, Sendable {
    /// The requested page, best first.
    public var kols: [RankedKOL]
    /// How many KOLs passed the filters (before paging).
    public var total: Int
    public var shortlist: Knapsack.Solution?
    public var budget: Double?
    public var pilot: Pilot?
    /// Filtered KOLs kept out of the shortlist and pilot (error flags, dropped), in rank order, at most the
    /// request's `excludedLimit` of them.
    public var excluded: [RankExclusion] = []
    /// How many were kept out in all (`excluded` may list fewer).
    public var excludedTotal = 0
    /// Of all kept out, how many carry each error flag (a KOL with two counts under both), most first.
    public var excludedFlags: [FlagCount] = []

    /// How many excluded KOLs carry one error flag.
    public struct FlagCount: Hashable, Sendable {
        public var code: RedFlagCode
        public var count: Int
    }

    /// Keeps the first `limit` exclusions (nil: all) and counts all of them (as the ranking pass does).
    public mutating func setExcluded(_ all: [RankExclusion], limit: Int?) {
        var tally = RankExclusionTally(limit: limit)
        for exclusion in all {
            for code in exclusion.flags { tally.count(code) }
            tally.add { exclusion }
        }
        tally.fill(&self)
    }

    /// Most first, then by code.
    static func sortedCounts(_ counts: [RedFlagCode: Int]) -> [FlagCount] {
        counts.map { FlagCount(code: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.code.rawValue < $1.code.rawValue }
    }

    public var json: JSONValue {
        var object: JSONObject = ["kols": .array(kols.map(\.json)), "total": .int(Int64(total))]
        if let shortlist, let budget {
            object["shortlist"] = ["kols": .array(shortlist.ids.map { .string($0) }),
                                   "total": .double(Scoring.round(shortlist.totalPrice, 2)),
                                   "score": .double(Scoring.round(shortlist.totalScore, 1)),
                                   "budget": .double(budget), "method": .string(shortlist.method.rawValue)]
        } else {
            object["shortlist"] = .null
        }
        object["pilot"] = .array((pilot?.ids ?? []).map { .string($0) })
        if let pilot {
            object["pilotTotal"] = .double(Scoring.round(pilot.totalPrice, 2))
            object["pilotReasons"] = .array(pilot.reasons.map { .string($0) })
        }
        object["excluded"] = .array(RankExclusion.json(excluded))
        object["excludedTotal"] = .int(Int64(excludedTotal))
        var flags = JSONObject()
        for flag in excludedFlags { flags[flag.code.rawValue] = .int(Int64(flag.count)) }
        object["excludedFlags"] = .object(flags)
        return .object(object)
    }
}
