import JSON
import KOLCore
import RPC
import Testing
@testable import Server

/// `kol/score`, `kol/rank`, `kol/redFlags` through the registered handlers.
struct ScoringMethodsTests {
    static let now = #""now": "2026-11-26""#

    static func demo() async throws -> WorkspaceHarness {
        let h = WorkspaceHarness()
        let load = try await h.call("kol/load", #"{"format": "kol.json", "text": \#(quoted(DemoWorkspaceText.kolJSON))}"#)
        #expect(load["loaded"]?.int == 14)
        return h
    }

    /// Only `activity` weighs: 4 posts in the last 28 days (1/week → frequency 33.3), the last 1 day ago
    /// (recency 100): (100 + 33.3) / 2 = 66.7; no rule trips, so no penalty.
    @Test func scoreIsTheHandComputedActivityValue() async throws {
        let h = WorkspaceHarness()
        let posts = [1, 8, 15, 22].map { #"{"at": "2026-11-\#(26 - $0 < 10 ? "0" : "")\#(26 - $0)", "text": "喝茶"}"# }
        _ = try await h.call("kol/upsert", #"{"kols": [{"id": "a", "posts": [\#(posts.joined(separator: ","))]}]}"#)
        let weights = #"{"starsFollowers": 0, "growth": 0, "engagement": 0, "relevance": 0, "geography": 0, "otherMedia": 0, "value": 0, "tone": 0, "activity": 1}"#
        let result = try await h.call("kol/score", #"{"ids": ["a"], \#(Self.now), "weights": \#(weights)}"#)
        let kol = try #require(result["kols"]?[0])
        #expect(kol["score"] == .double(66.7))
        #expect(kol["components"]?["activity"]?["value"] == .double(66.7))
        #expect(kol["components"]?["activity"]?["measured"]?["postsLast28Days"] == 4)
        #expect(kol["redFlagPenalty"] == .double(0))
    }

    @Test func unknownIdsGetAnErrorEntryAndTheOthersTheirAnswer() async throws {
        let h = try await Self.demo()
        let result = try await h.call("kol/score", #"{"ids": ["nope", "2713968254"], \#(Self.now)}"#)
        #expect(result["kols"]?[0] == ["id": "nope", "error": ["code": -32005, "message": "No KOL with id \"nope\" in the workspace."]])
        #expect(result["kols"]?[1]?["score"] == .double(97.9))
        let flags = try await h.call("kol/redFlags", #"{"ids": ["nope"]}"#)
        #expect(flags["kols"]?[0]?["error"]?["code"] == -32005)
    }

    @Test func wrongTypesAreInvalidParamsWithThePath() async throws {
        let h = WorkspaceHarness()
        #expect(await h.rpcError("kol/score", #"{"ids": "a"}"#)?.message == "params.ids: expected array, got string")
        #expect(await h.rpcError("kol/score", #"{"now": "yesterday"}"#)?.message
                == "params.now: expected an RFC 3339 date or date-time, got \"yesterday\"")
        #expect(await h.rpcError("kol/rank", #"{"minScore": "high"}"#)?.code == -32602)
        #expect(await h.rpcError("kol/rank", #"{"stage": "married"}"#)?.message.hasPrefix("params.stage: unknown stage \"married\"") == true)
        #expect(await h.rpcError("kol/redFlags", #"{"thresholds": [1]}"#)?.message == "params.thresholds: expected object, got array")
        #expect(await h.errorCode("kol/score", #"{"brief": {"budget": "lots"}}"#) == -32602)
    }

    @Test func demoRanksAMengFirstWithAShortlistUnderBudgetAndCleanPilot() async throws {
        let h = try await Self.demo()
        let result = try await h.call("kol/rank", #"{\#(Self.now), "workDoneToken": "r"}"#)
        let ids = result["kols"]?.array.compactMap { $0["id"]?.string } ?? []
        #expect(ids.count == 14 && ids.first == "2713968254")
        let shortlist = try #require(result["shortlist"])
        #expect(shortlist["budget"] == .double(30000))
        #expect((shortlist["total"]?.doubleValue ?? .infinity) <= 30000)
        #expect(result["pilot"]?.array.first == "2713968254")
        let progress = h.notifications.filter { $0.method == "$/progress" }.map { $0.params["value"]?["kind"] }
        #expect(progress.first == "begin" && progress.last == "end")
        let page = try await h.call("kol/rank", #"{\#(Self.now), "offset": 1, "limit": 2, "stage": ["partner", "posted"]}"#)
        #expect(page["total"] == 3)
        #expect(page["kols"]?.array.count == 2)
    }

    @Test func cancelledRankIsAnsweredCancelled() async throws {
        let h = try await Self.demo()
        await #expect(throws: RPCError.requestCancelled) { try await h.call("kol/rank", "{}", cancelled: true) }
    }

    @Test func designedFlagsOverRPCAndThresholdOverrides() async throws {
        let h = try await Self.demo()
        let result = try await h.call("kol/redFlags", #"{\#(Self.now)}"#)
        var codes: [String: [String]] = [:]
        for kol in result["kols"]?.array ?? [] {
            codes[kol["id"]?.string ?? ""] = kol["flags"]?.array.compactMap { $0["code"]?.string }
        }
        #expect(codes["2713968254"] == [] && codes["3920417765"] == [])
        #expect(codes["2281630094"] == ["tone-clash", "silent-kol"])
        #expect(codes["3471925560"] == ["tone-drift"])
        #expect(codes["1756302918"] == ["channel-tone-mismatch"])
        let relaxed = try await h.call("kol/redFlags", #"{"ids": ["2281630094"], \#(Self.now), "thresholds": {"tone-clash": 0.5, "silent-kol": "x"}}"#)
        #expect(relaxed["kols"]?[0]?["flags"]?.array.compactMap { $0["code"]?.string } == ["silent-kol"])
        #expect(relaxed["ignoredThresholds"] == ["silent-kol"])
    }
}

extension JSONValue {
    var doubleValue: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }
}
