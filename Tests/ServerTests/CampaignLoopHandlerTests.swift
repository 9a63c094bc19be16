import Foundation
import JSON
import KOLCore
import RPC
import Testing
@testable import Server

/// The issue-6 handlers (protocol.md §9) called in-process on the demo workspace.
@Suite struct CampaignLoopHandlerTests {
    static func demo() async throws -> WorkspaceHarness {
        let h = WorkspaceHarness(allowedPaths: [repositoryRoot])
        let loaded = try await h.call("kol/load", #"{"path": \#(quoted(repositoryRoot + "/examples/demo.kol.json"))}"#)
        #expect(loaded["loaded"]?.int == 14)
        return h
    }

    static func number(_ value: JSONValue?) -> Double? {
        switch value {
        case .double(let d)?: return d
        case .int(let i)?: return Double(i)
        default: return nil
        }
    }

    @Test func wrongParamTypesAreInvalidParamsNamingThePath() async throws {
        let h = try await Self.demo()
        let cases: [(String, String, String)] = [
            ("kol/allocate", #"{"budget": "lots"}"#, "params.budget"),
            ("kol/allocate", #"{"budget": 100, "ids": "2713968254"}"#, "params.ids"),
            ("kol/allocate", #"{"budget": -1}"#, "params.budget"),
            ("kol/allocate", #"{"budget": 100, "seed": 1.5}"#, "params.seed"),
            ("kol/returns", #"{"ids": [1]}"#, "params.ids[0]"),
            ("kol/overlap", #"{"ids": {}}"#, "params.ids"),
            ("kol/setStage", #"{"id": "2713968254", "stage": "married"}"#, "params.stage"),
            ("kol/setStage", #"{"id": "2713968254", "stage": 3}"#, "params.stage"),
            ("kol/setStage", #"{"id": "2713968254", "stage": "posted", "at": "soon"}"#, "params.at"),
            ("kol/recordCampaign", #"{"kolId": 2713968254, "campaign": {}}"#, "params.kolId"),
            ("kol/auditFans", #"{"id": "2713968254", "now": "yesterday"}"#, "params.now"),
            ("kol/auditFans", #"{"fans": "none"}"#, "params.fans"),
        ]
        for (method, params, path) in cases {
            let error = try #require(await h.rpcError(method, params), "\(method) \(params)")
            #expect(error.code == -32602, "\(method) \(params)")
            #expect(error.message.hasPrefix(path), "\(method): \(error.message)")
        }
        #expect(await h.errorCode("kol/auditFans", "{}") == -32602)
        #expect(await h.errorCode("kol/auditFans", #"{"id": "nobody"}"#) == CampaignLoop.kolNotFoundCode)
        #expect(await h.errorCode("kol/setStage", #"{"id": "nobody", "stage": "posted"}"#) == CampaignLoop.kolNotFoundCode)
        #expect(await h.errorCode("kol/recordCampaign", #"{"kolId": "nobody", "campaign": {}}"#) == CampaignLoop.kolNotFoundCode)
    }

    @Test func recordCampaignThenReturns() async throws {
        let h = try await Self.demo()
        // 苏州小满: one campaign (7,500 CNY, 3,150 clicks, 41 conversions, 12,300 CNY) → too little data.
        let before = try await h.call("kol/returns", #"{"ids": ["3920417765"]}"#)
        #expect(before["kols"]?.array.first?["verdict"]?.string == "tooLittleData")
        let bad = try await h.call("kol/recordCampaign",
            #"{"kolId": "3920417765", "campaign": {"id": "c2", "start": "2026-11-10", "cost": -1}}"#)
        #expect(bad["applied"]?.bool == false)
        #expect(bad["diagnostics"]?.array.first?["path"]?.string == "campaign.cost")
        let added = try await h.call("kol/recordCampaign", #"""
            {"kolId": "3920417765", "campaign": {"id": "c2", "start": "2026-11-10", "cost": 2500,
             "engagements": 5000, "clicks": 1850, "conversions": 39, "revenue": 11700}}
            """#)
        #expect(added["applied"]?.bool == true)
        #expect(added["change"]?.string == "added")
        #expect(added["campaigns"]?.int == 2)
        let after = try await h.call("kol/returns", #"{"ids": ["3920417765", "nobody"]}"#)
        let r = try #require(after["kols"]?.array.first)
        // cost 10,000, revenue 24,000 → ROI 1.4; CPC 10,000 / 5,000 = 2; CPA 10,000 / 80 = 125.
        #expect(Self.number(r["cost"]) == 10000)
        #expect(Self.number(r["roi"]) == 1.4)
        #expect(Self.number(r["cpc"]) == 2)
        #expect(Self.number(r["cpa"]) == 125)
        #expect(Self.number(r["cpe"]) == 0.6173)   // 10,000 / 16,200 = 0.61728
        // Beta(81, 4921): mean 81 / 5002.
        #expect(Self.number(r["conversionRate"]?["mean"]) == Scoring.round(81.0 / 5002, 5))
        #expect(r["verdict"]?.string == "profitable")
        #expect(after["missing"]?.array == ["nobody"])
        // Same id again: replaced, still two campaigns.
        let replaced = try await h.call("kol/recordCampaign",
            #"{"kolId": "3920417765", "campaign": {"id": "c2", "start": "2026-11-10", "cost": 2600}}"#)
        #expect(replaced["change"]?.string == "replaced")
        #expect(replaced["campaigns"]?.int == 2)
    }

    @Test func returnsOfTheDemoShowPerKOLAndOverall() async throws {
        let h = try await Self.demo()
        let result = try await h.call("kol/returns")
        let ids = result["kols"]?.array.compactMap { $0["id"]?.string }
        #expect(ids == ["2713968254", "3920417765", "5617283940", "3471925560"])  // KOLs with campaigns
        // 阿萌: (23,400 − 6,500) / 6,500 = 2.6
        #expect(Self.number(result["kols"]?.array.first?["roi"]) == 2.6)
        // Overall: cost 26,000, revenue 38,220 → 0.47.
        #expect(Self.number(result["overall"]?["roi"]) == 0.47)
        let p = result["kols"]?.array.compactMap { Self.number($0["probabilityBest"]) } ?? []
        #expect(abs(p.reduce(0, +) - 1) < 1e-3)
        #expect(try await h.call("kol/returns") == result)  // seeded
    }

    @Test func allocateIsDeterministicAndWithinBudget() async throws {
        let h = try await Self.demo()
        let params = #"{"budget": 30000, "seed": 11}"#
        let plan = try await h.call("kol/allocate", params)
        #expect(try await h.call("kol/allocate", params) == plan)
        let spent = plan["allocations"]?.array.compactMap { Self.number($0["amount"]) }.reduce(0, +) ?? -1
        #expect(spent <= 30000)
        #expect(abs(spent + (Self.number(plan["unspent"]) ?? 0) - 30000) < 1e-6)
        #expect(plan["excluded"]?.array.first?["id"]?.string == "5617283940")  // dropped
        #expect(plan["excluded"]?.array.first?["reason"]?.string == "dropped")
        #expect(plan["allocations"]?.array.allSatisfy { ($0["why"]?.string ?? "").isEmpty == false } == true)
        // The brief's budget (30,000) is the default.
        let byBrief = try await h.call("kol/allocate", #"{"seed": 11}"#)
        #expect(byBrief == plan)
    }

    @Test func overlapOfTheDemoSamples() async throws {
        let h = try await Self.demo()
        // 阿萌 and 茶人老周 share 16 of their 24 + 20 fan ids: union 28, Jaccard 16 / 28.
        let result = try await h.call("kol/overlap", #"{"ids": ["2713968254", "1756302918", "7810936642"]}"#)
        let pair = try #require(result["pairs"]?.array.first)
        #expect(pair["shared"]?.int == 16 && pair["compared"]?.int == 28)
        #expect(Self.number(pair["jaccard"]) == Scoring.round(16.0 / 28, 4))
        #expect(result["withoutFanIds"]?.array == ["7810936642"])
        #expect(result["reach"]?["distinct"]?.int == 28)
        #expect(result["reach"]?["sampled"]?.int == 44)
    }

    @Test func setStageKeepsHistoryAndSuggestsTheNextStep() async throws {
        let h = try await Self.demo()
        let moved = try await h.call("kol/setStage", #"{"id": "7810936642", "stage": "sampling", "at": "2026-11-21"}"#)
        #expect(moved["from"]?.string == "contacted")
        #expect(moved["move"]?.string == "forward")
        #expect(moved["relationship"]?["history"]?.array.first?["stage"]?.string == "contacted")
        #expect(moved["next"]?.string?.contains("tracking link") == true)
        let listed = try await h.call("kol/list", #"{"stage": "sampling", "fields": ["id"]}"#)
        #expect(listed["kols"]?.array.compactMap { $0["id"]?.string }.contains("7810936642") == true)
        let back = try #require(await h.rpcError("kol/setStage", #"{"id": "7810936642", "stage": "candidate", "at": "2026-11-22"}"#))
        #expect(back.code == -32602 && back.message.hasPrefix("params.note"))
        let early = try #require(await h.rpcError("kol/setStage", #"{"id": "7810936642", "stage": "posted", "at": "2026-11-01"}"#))
        #expect(early.message.hasPrefix("params.at"))
        // 阿萌 posted again after a good return: the hint invites to a launch.
        let partner = try await h.call("kol/setStage",
            #"{"id": "3920417765", "stage": "posted", "at": "2026-11-22", "note": "again"}"#)
        #expect(partner["move"]?.string == "unchanged")
    }

    @Test func auditFansByIdAndInline() async throws {
        let h = try await Self.demo()
        let byID = try await h.call("kol/auditFans", #"{"id": "2713968254", "now": "2026-11-26"}"#)
        #expect(byID["sampled"]?.int == 24)
        #expect(byID["fans"]?.array.count == 24)
        #expect(byID["interval"]?.array.count == 2)
        #expect(byID["outcome"]?.string == "tooFewFans")   // 24 < 30 assessed
        let inline = try await h.call("kol/auditFans", #"""
            {"now": "2026-11-26", "minimumSample": 2, "fans": [
              {"id": "bot", "followers": 3, "following": 2000, "posts": 0, "createdAt": "2026-11-17", "avatar": false, "bio": ""},
              {"id": "fan", "followers": 5400, "following": 300, "posts": 4200, "createdAt": "2015-03-01", "avatar": true, "bio": "爱喝茶"},
              {"id": "odd", "followers": "many"}]}
            """#)
        let fans = inline["fans"]?.array ?? []
        #expect(fans.map { $0["fake"]?.bool } == [true, false, false])
        #expect(fans[2]["assessed"]?.bool == false)
        #expect(inline["assessed"]?.int == 2)
        #expect(Self.number(inline["fakeShare"]) == 0.5)
        #expect(inline["diagnostics"]?.array.first?["path"]?.string == "fans[2].followers")
        #expect(inline["redFlag"]?["code"]?.string == "fake-fans")
    }

    @Test func absurdAmountsNeverTrap() async throws {
        let h = WorkspaceHarness()
        let upsert = try await h.call("kol/upsert", #"""
            {"kols": [{"id": "x", "price": 1e300, "campaigns": [
               {"id": "a", "start": "2026-01-01", "cost": 1e-300, "clicks": 9223372036854775807, "conversions": 9223372036854775807, "revenue": 1e308},
               {"id": "b", "start": "2026-01-02", "cost": 1e308, "clicks": 9223372036854775807, "conversions": 1, "revenue": 1e308}]},
              {"id": "y", "price": 0.01, "campaigns": [{"id": "c", "start": "2026-01-01", "cost": 0, "clicks": 0, "conversions": 0, "revenue": 0}]}]}
            """#)
        #expect(upsert["applied"]?.bool == true)
        let returns = try await h.call("kol/returns")
        #expect(returns["kols"]?.array.count == 2)
        let plan = try await h.call("kol/allocate", #"{"budget": 9999999999999, "maxPostsPerKOL": 100}"#)
        #expect(plan["allocations"]?.array.first?["id"]?.string == "y")
        #expect(plan["allocations"]?.array.first?["posts"]?.int == 100)
    }
}
