import Foundation
import JSON
import KOLCore
import RPC
import Testing
@testable import Server

/// `kol/setStage` in-process on the demo workspace.
@Suite struct RelationshipHandlerTests {
    @Test func wrongParamTypesNameThePath() async throws {
        let h = try await demoHarness()
        try await expectInvalidParams(h, [
            ("kol/setStage", #"{"id": "2713968254", "stage": "married"}"#, "params.stage"),
            ("kol/setStage", #"{"id": "2713968254", "stage": 3}"#, "params.stage"),
            ("kol/setStage", #"{"id": "2713968254", "stage": "posted", "at": "soon"}"#, "params.at"),
            ("kol/setStage", #"{"stage": "posted"}"#, "params.id"),
        ])
        #expect(await h.errorCode("kol/setStage", #"{"id": "nobody", "stage": "posted"}"#) == ApplicationError.unknownKOLCode)
    }

    @Test func setStageKeepsHistoryAndSuggestsTheNextStep() async throws {
        let h = try await demoHarness()
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
}
