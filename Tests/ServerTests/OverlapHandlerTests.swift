import Foundation
import JSON
import KOLCore
import RPC
import Testing
@testable import Server

/// `kol/overlap` in-process on the demo workspace.
@Suite struct OverlapHandlerTests {
    @Test func wrongParamTypesNameThePath() async throws {
        let h = try await demoHarness()
        try await expectInvalidParams(h, [("kol/overlap", #"{"ids": {}}"#, "params.ids"),
                                          ("kol/overlap", #"{"ids": [true]}"#, "params.ids[0]")])
    }

    @Test func overlapOfTheDemoSamples() async throws {
        let h = try await demoHarness()
        // 阿萌 and 茶人老周 share 16 of their 30 + 20 fan ids: union 34, Jaccard 16 / 34.
        let result = try await h.call("kol/overlap", #"{"ids": ["2713968254", "1756302918", "7810936642"]}"#)
        let pair = try #require(result["pairs"]?.array.first)
        #expect(pair["shared"]?.int == 16 && pair["compared"]?.int == 34)
        #expect(jsonNumber(pair["jaccard"]) == Scoring.round(16.0 / 34, 4))
        #expect(result["withoutFanIds"]?.array == ["7810936642"])
        #expect(result["reach"]?["distinct"]?.int == 34)
        #expect(result["reach"]?["sampled"]?.int == 50)
    }
}
