import Foundation
import JSON
import KOLCore
import RPC
import Testing
@testable import Server

/// `kol/recordCampaign` and `kol/returns` in-process on the demo workspace.
@Suite struct ReturnsHandlerTests {
    @Test func wrongParamTypesNameThePath() async throws {
        let h = try await demoHarness()
        try await expectInvalidParams(h, [
            ("kol/returns", #"{"ids": [1]}"#, "params.ids[0]"),
            ("kol/returns", #"{"draws": 0}"#, "params.draws"),
            ("kol/recordCampaign", #"{"kolId": 2713968254, "campaign": {}}"#, "params.kolId"),
            ("kol/recordCampaign", #"{"kolId": "2713968254"}"#, "params.campaign"),
        ])
        #expect(await h.errorCode("kol/recordCampaign", #"{"kolId": "nobody", "campaign": {}}"#) == ApplicationError.unknownKOLCode)
    }

    @Test func recordCampaignThenReturns() async throws {
        let h = try await demoHarness()
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
        #expect(jsonNumber(r["cost"]) == 10000)
        #expect(jsonNumber(r["roi"]) == 1.4)
        #expect(jsonNumber(r["cpc"]) == 2)
        #expect(jsonNumber(r["cpa"]) == 125)
        #expect(jsonNumber(r["cpe"]) == 0.6173)   // 10,000 / 16,200 = 0.61728
        // Beta(81, 4921): mean 81 / 5002.
        #expect(jsonNumber(r["conversionRate"]?["mean"]) == Scoring.round(81.0 / 5002, 5))
        #expect(r["verdict"]?.string == "profitable")
        #expect(after["missing"]?.array == ["nobody"])
        // Same id again: replaced, still two campaigns.
        let replaced = try await h.call("kol/recordCampaign",
            #"{"kolId": "3920417765", "campaign": {"id": "c2", "start": "2026-11-10", "cost": 2600}}"#)
        #expect(replaced["change"]?.string == "replaced")
        #expect(replaced["campaigns"]?.int == 2)
    }

    @Test func returnsOfTheDemoShowPerKOLAndOverall() async throws {
        let h = try await demoHarness()
        let result = try await h.call("kol/returns")
        let ids = result["kols"]?.array.compactMap { $0["id"]?.string }
        #expect(ids == ["2713968254", "3920417765", "5617283940", "3471925560"])  // KOLs with campaigns
        // 阿萌: (23,400 − 6,500) / 6,500 = 2.6
        #expect(jsonNumber(result["kols"]?.array.first?["roi"]) == 2.6)
        // Overall: cost 26,000, revenue 38,220 → 0.47.
        #expect(jsonNumber(result["overall"]?["roi"]) == 0.47)
        let p = result["kols"]?.array.compactMap { jsonNumber($0["probabilityBest"]) } ?? []
        #expect(abs(p.reduce(0, +) - 1) < 1e-3)
        #expect(try await h.call("kol/returns") == result)  // seeded
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
