import JSON
import KOLCore
import RPC

/// `kol/toneProfile` and `kol/compareTone` (protocol.md §8.6): the tone module over the workspace's KOLs,
/// sample texts, presets and the brief's tone.
enum ToneMethods {
    static func register(on server: Server, _ service: WorkspaceService) {
        server.register("kol/toneProfile", access: .read) { try profile($0, service) }
        server.register("kol/compareTone", access: .read) { try compare($0, service) }
    }

    struct ProfileParams: Decodable {
        var id: String?
        var texts: [String]?
        var perText: Bool?
        /// Only posts at or after / before this date (RFC 3339), for a KOL.
        var since: String?
        var until: String?
    }

    static func profile(_ context: RequestContext, _ service: WorkspaceService) throws -> JSONValue {
        let params = try context.params(ProfileParams.self)
        let perText = params.perText ?? false
        let texts: [String]
        var object = JSONObject()
        switch (params.id, params.texts) {
        case (let id?, nil):
            let since = try DateParam.parse(params.since, path: "params.since")
            let until = try DateParam.parse(params.until, path: "params.until")
            guard let kol = service.readSnapshot().kol(id: id) else { throw ApplicationError.unknownKOL(id) }
            texts = (kol.posts ?? []).filter { post in
                guard since != nil || until != nil else { return true }
                guard let at = post.at else { return false }
                return (since.map { at >= $0 } ?? true) && (until.map { at <= $0 } ?? true)
            }.compactMap(\.text).filter { !$0.isEmpty }
            object["id"] = .string(id)
        case (nil, let given?):
            texts = given
        default:
            throw RPCError.invalidParams("params: give either id or texts")
        }
        try context.checkCancellation()
        let profile = ToneProfiler.standard.profile(texts, perText: perText)
        for (key, value) in json(profile).members { object[key] = value }
        if perText {
            object["perText"] = .array(profile.perText.enumerated().map { index, one in
                var item = json(one)
                item["text"] = .string(texts[index])
                item["posts"] = nil
                return .object(item)
            })
        }
        return .object(object)
    }

    /// `{dimensions, evidence, posts}`; numbers rounded to 3 digits so results are stable across platforms.
    static func json(_ profile: ToneProfile) -> JSONObject {
        ["dimensions": dimensions(profile.dimensions),
         "evidence": .array(profile.evidence.map { item in
             ["dimension": .string(item.dimension.rawValue), "cue": .string(item.cue), "count": .int(Int64(item.count)),
              "effect": .double(round(item.effect))]
         }),
         "posts": .int(Int64(profile.posts))]
    }

    static func dimensions(_ vector: ToneVector) -> JSONValue {
        var object = JSONObject()
        for dimension in ToneDimension.allCases { object[dimension.rawValue] = .double(round(vector[dimension])) }
        return .object(object)
    }

    static func round(_ value: Double) -> Double { Scoring.round(value, 3) }

    // MARK: compareTone

    struct Ref: Decodable {
        var id: String?
        var preset: String?
        var texts: [String]?
        var brief: Bool?
    }

    struct CompareParams: Decodable {
        var a: Ref
        var b: Ref
        /// Verdict bounds (defaults 0.12 and 0.22, protocol.md §8.4).
        var fits: Double?
        var partly: Double?
    }

    /// One side: its profile (with per-text profiles, for best/worst) and its texts, with their indices in
    /// the KOL's `posts` when it is a KOL.
    struct Side {
        var profile: ToneProfile
        var texts: [String]
        var indices: [Int]
    }

    static func compare(_ context: RequestContext, _ service: WorkspaceService) throws -> JSONValue {
        let params = try context.params(CompareParams.self)
        let workspace = service.readSnapshot()
        let a = try side(params.a, "a", workspace)
        let b = try side(params.b, "b", workspace)
        var thresholds = ToneComparisonThresholds.standard
        if let fits = params.fits { thresholds.fits = fits }
        if let partly = params.partly { thresholds.partly = partly }
        let comparison = ToneComparison(a.profile, b.profile, texts: a.texts, thresholds: thresholds)
        func post(_ match: TonePostMatch) -> JSONValue {
            ["index": .int(Int64(match.index < a.indices.count ? a.indices[match.index] : match.index)),
             "text": .string(match.text ?? ""), "distance": .double(round(match.distance)),
             "dimensions": dimensions(match.profile.dimensions)]
        }
        return ["distance": .double(round(comparison.distance)), "verdict": .string(comparison.verdict.rawValue),
                "dimensions": dimensions(comparison.differences),
                "best": .array(comparison.best.map(post)), "worst": .array(comparison.worst.map(post))]
    }

    static func side(_ ref: Ref, _ name: String, _ workspace: Workspace) throws -> Side {
        let given = [ref.id != nil, ref.preset != nil, ref.texts != nil, ref.brief == true].filter { $0 }.count
        guard given == 1 else {
            throw RPCError.invalidParams("params.\(name): give exactly one of id, preset, texts, brief: true")
        }
        if let id = ref.id {
            guard let kol = workspace.kol(id: id) else { throw ApplicationError.unknownKOL(id) }
            var texts: [String] = []
            var indices: [Int] = []
            for (index, post) in (kol.posts ?? []).enumerated() {
                guard let text = post.text, !text.isEmpty else { continue }
                texts.append(text)
                indices.append(index)
            }
            guard !texts.isEmpty else {
                throw ApplicationError.missingData("KOL \"\(id)\" has no post texts to profile.", needed: "posts[].text")
            }
            return Side(profile: ToneProfiler.standard.profile(texts, perText: true), texts: texts, indices: indices)
        }
        if let presetName = ref.preset {
            guard let preset = TonePreset(rawValue: presetName) else {
                let known = TonePreset.allCases.map(\.rawValue).joined(separator: ", ")
                throw RPCError.invalidParams("params.\(name).preset: unknown preset \"\(presetName)\"; use one of \(known)")
            }
            return Side(profile: preset.profile, texts: [], indices: [])
        }
        if let texts = ref.texts {
            return Side(profile: ToneProfiler.standard.profile(texts, perText: true), texts: texts, indices: Array(texts.indices))
        }
        switch workspace.brief?.tone {
        case .preset(let preset)?: return Side(profile: preset.profile, texts: [], indices: [])
        case .samples(let samples)?:
            return Side(profile: ToneProfiler.standard.brandProfile(samples: samples), texts: samples, indices: Array(samples.indices))
        case nil:
            throw ApplicationError.missingData("The brief names no tone: set brief.tone to a preset or sample texts.", needed: "brief.tone")
        }
    }
}
