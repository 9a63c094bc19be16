import Foundation
import JSON
import KOLCore
import RPC
import Testing
@testable import Server

/// `kol/auditFans` in-process: a KOL's sample and an inline one.
@Suite struct FanAuditHandlerTests {
    @Test func wrongParamTypesNameThePath() async throws {
        let h = try await demoHarness()
        try await expectInvalidParams(h, [
            ("kol/auditFans", #"{"id": "2713968254", "now": "yesterday"}"#, "params.now"),
            ("kol/auditFans", #"{"fans": "none"}"#, "params.fans"),
            ("kol/auditFans", #"{"id": "2713968254", "threshold": 2}"#, "params.threshold"),
            ("kol/auditFans", "{}", "params"),
        ])
        #expect(await h.errorCode("kol/auditFans", #"{"id": "nobody"}"#) == ApplicationError.unknownKOLCode)
    }

    @Test func auditFansByIdAndInline() async throws {
        let h = try await demoHarness()
        let byID = try await h.call("kol/auditFans", #"{"id": "2713968254", "now": "2026-11-26"}"#)
        #expect(byID["sampled"]?.int == 30)
        #expect(byID["fans"]?.array.count == 30)
        #expect(byID["interval"]?.array.count == 2)
        #expect(byID["outcome"]?.string == "clear")   // 1 lurker of 30 assessed
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
        #expect(jsonNumber(inline["fakeShare"]) == 0.5)
        #expect(inline["diagnostics"]?.array.first?["path"]?.string == "fans[2].followers")
        #expect(inline["redFlag"]?["code"]?.string == "fake-fans")
    }
}
