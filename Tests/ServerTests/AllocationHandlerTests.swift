import Foundation
import JSON
import KOLCore
import RPC
import Testing
@testable import Server

/// `kol/allocate` in-process on the demo workspace.
@Suite struct AllocationHandlerTests {
    @Test func wrongParamTypesNameThePath() async throws {
        let h = try await demoHarness()
        try await expectInvalidParams(h, [
            ("kol/allocate", #"{"budget": "lots"}"#, "params.budget"),
            ("kol/allocate", #"{"budget": 100, "ids": "2713968254"}"#, "params.ids"),
            ("kol/allocate", #"{"budget": -1}"#, "params.budget"),
            ("kol/allocate", #"{"budget": 100, "seed": 1.5}"#, "params.seed"),
            ("kol/allocate", #"{"budget": 100, "scores": {"a": 101}}"#, "params.scores.a"),
            ("kol/allocate", #"{"budget": 100, "maxPostsPerKOL": 0}"#, "params.maxPostsPerKOL"),
        ])
    }

    @Test func allocateIsDeterministicAndWithinBudget() async throws {
        let h = try await demoHarness()
        let params = #"{"budget": 30000, "seed": 11}"#
        let plan = try await h.call("kol/allocate", params)
        #expect(try await h.call("kol/allocate", params) == plan)
        let spent = plan["allocations"]?.array.compactMap { jsonNumber($0["amount"]) }.reduce(0, +) ?? -1
        #expect(spent <= 30000)
        #expect(abs(spent + (jsonNumber(plan["unspent"]) ?? 0) - 30000) < 1e-6)
        let excluded = plan["excluded"]?.array ?? []
        func reason(_ id: String) -> String? { excluded.first { $0["id"]?.string == id }?["reason"]?.string }
        #expect(reason("5617283940") == "dropped")
        // Untried KOLs with an error flag are not explored: off-topic coach, off-region, dormant, fake fans.
        for id in ["5128840073", "6652013398", "4190287765", "1893256071"] { #expect(reason(id) == "errorFlags") }
        #expect(excluded.first { $0["id"]?.string == "5128840073" }?["why"]?.string?.contains("off-topic") == true)
        let allocated = Set(plan["allocations"]?.array.compactMap { $0["id"]?.string } ?? [])
        #expect(allocated.isDisjoint(with: ["5128840073", "6652013398", "4190287765", "1893256071"]))
        // includeErrorFlagged lets them take part again: only the dropped KOL stays excluded.
        let open = try await h.call("kol/allocate", #"{"budget": 30000, "seed": 11, "includeErrorFlagged": true}"#)
        #expect(open["excluded"]?.array.compactMap { $0["reason"]?.string } == ["dropped"])
        #expect(plan["allocations"]?.array.allSatisfy { ($0["why"]?.string ?? "").isEmpty == false } == true)
        // The brief's budget (30,000) is the default.
        let byBrief = try await h.call("kol/allocate", #"{"seed": 11}"#)
        #expect(byBrief == plan)
    }
}
