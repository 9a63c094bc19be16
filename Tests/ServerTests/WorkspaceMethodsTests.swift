import Foundation
import JSON
import KOLCore
import RPC
import Testing
@testable import Server

/// Handlers of §5 called in-process, with hand-computed expectations.
@Suite struct WorkspaceMethodsTests {
    static let twoKOLs = """
        {"version": 1, "brief": {"product": "龙井礼盒"}, "kols": [
        {"id": "a", "name": "阿萌", "stars": 3, "followers": 280000, "followerRegions": {"浙江": 0.5},
         "relationship": {"stage": "candidate"}},
        {"id": "b", "name": "小满 🍵", "stars": 7, "followers": 720000, "relationship": {"stage": "posted"}}
        ]}
        """

    @Test func loadInlineCountsAndLocatesDiagnostics() async throws {
        let h = WorkspaceHarness()
        let result = try await h.call("kol/load", #"{"text": \#(quoted(Self.twoKOLs)), "format": "kol.json"}"#)
        #expect(result["loaded"]?.int == 2)
        #expect(result["total"]?.int == 2)
        #expect(result["errors"]?.int == 1)
        let diagnostic = try #require(result["diagnostics"]?.array.first)
        #expect(diagnostic["code"]?.string == "stars-out-of-range")
        #expect(diagnostic["path"]?.string == "kols[1].stars")
        #expect(diagnostic["kolId"]?.string == "b")
        // Line 4 (1-based) of the text; `{"id": "b", ` (12) + `"name": ` (8) + `"小满 🍵", ` (8) + `"stars": `
        // (9) = 37 characters precede the 7, so column 38; in UTF-16 the emoji counts 2: character 38 (0-based).
        #expect(diagnostic["line"]?.int == 4)
        #expect(diagnostic["column"]?.int == 38)
        #expect(diagnostic["range"]?["start"]?["line"]?.int == 3)
        #expect(diagnostic["range"]?["start"]?["character"]?.int == 38)
        #expect(diagnostic["range"]?["end"]?["character"]?.int == 39)
    }

    @Test func wrongParamTypesNameThePath() async throws {
        let h = WorkspaceHarness()
        let error = try #require(await h.rpcError("kol/load", #"{"text": "{}", "format": "kol.json", "replace": "yes"}"#))
        #expect(error.code == -32602)
        #expect(error.message.contains("params.replace"))
        #expect(await h.errorCode("kol/list", #"{"minFollowers": 1.5}"#) == -32602)
        #expect(await h.errorCode("kol/list", #"{"stage": "married"}"#) == -32602)
        #expect(await h.errorCode("kol/upsert", #"{"kols": {}}"#) == -32602)
        #expect(await h.errorCode("kol/load", #"{"text": "{}"}"#) == -32602)
        #expect(await h.errorCode("kol/load", #"{"text": "{}", "format": "xlsx"}"#) == -32004)
        #expect(await h.errorCode("kol/get", "{}") == -32602)
    }

    @Test func upsertIsAllOrNothing() async throws {
        let h = WorkspaceHarness()
        let refused = try await h.call("kol/upsert", #"{"kols": [{"id": "x", "followers": 10}, {"id": "y", "followers": -5}]}"#)
        #expect(refused["applied"]?.bool == false)
        #expect(refused["total"]?.int == 0)
        #expect(refused["diagnostics"]?.array.first?["path"]?.string == "kols[1].followers")
        #expect(refused["diagnostics"]?.array.first?["code"]?.string == "negative-followers")
        let twice = try await h.call("kol/upsert", #"{"kols": [{"id": "x"}, {"id": "x"}]}"#)
        #expect(twice["applied"]?.bool == false)
        let applied = try await h.call("kol/upsert", #"{"kols": [{"id": "x", "followers": 10}, {"id": "y", "name": "Y"}]}"#)
        #expect(applied["applied"]?.bool == true)
        #expect(applied["inserted"]?.int == 2)
        let again = try await h.call("kol/upsert", #"{"kols": [{"id": "x", "followers": 11}]}"#)
        #expect(again["replaced"]?.int == 1)
        #expect(again["total"]?.int == 2)
        let got = try await h.call("kol/get", #"{"id": "x"}"#)
        #expect(got["kol"]?["followers"]?.int == 11)
    }

    @Test func getListRemoveAndBrief() async throws {
        let h = WorkspaceHarness()
        _ = try await h.call("kol/load", #"{"text": \#(quoted(Self.twoKOLs)), "format": "kol.json"}"#)
        let page = try await h.call("kol/list", #"{"minFollowers": 300000, "fields": ["name"]}"#)
        #expect(page["total"]?.int == 1)
        #expect(page["kols"]?.array.first == ["id": "b", "name": "小满 🍵"])
        // b's stars (7) were invalid, so unknown: it never passes minStars.
        #expect(try await h.call("kol/list", #"{"minStars": 0}"#)["total"]?.int == 1)
        #expect(try await h.call("kol/list", #"{"region": "浙江"}"#)["kols"]?.array.first?["id"]?.string == "a")
        #expect(try await h.call("kol/list", #"{"stage": "posted"}"#)["total"]?.int == 1)
        let second = try await h.call("kol/list", #"{"offset": 1, "limit": 5, "fields": []}"#)
        #expect(second["total"]?.int == 2)
        #expect(second["kols"]?.array == [["id": "b"]])
        let many = try await h.call("kol/get", #"{"ids": ["b", "zz", "a"], "fields": ["followers"]}"#)
        #expect(many["kols"]?.array == [["id": "b", "followers": 720000], ["id": "a", "followers": 280000]])
        #expect(many["missing"]?.array == ["zz"])
        let removed = try await h.call("kol/remove", #"{"ids": ["a", "nope"]}"#)
        #expect(removed["removed"]?.array == ["a"])
        #expect(removed["missing"]?.array == ["nope"])
        #expect(removed["total"]?.int == 1)
        let badBrief = try await h.call("kol/setBrief", #"{"brief": {"budget": "lots"}}"#)
        #expect(badBrief["applied"]?.bool == false)
        #expect(try await h.call("kol/setBrief", #"{"brief": {"product": "白茶", "budget": 5000}}"#)["applied"]?.bool == true)
        #expect(h.server.session.positionEncoding == .utf16)
        #expect(try await h.call("kol/setBrief", #"{"brief": null}"#)["applied"]?.bool == true)
        #expect(await h.errorCode("kol/setBrief", "{}") == -32602)
    }

    @Test func loadMergesByIDOrReplaces() async throws {
        let h = WorkspaceHarness()
        _ = try await h.call("kol/load", #"{"text": \#(quoted(Self.twoKOLs)), "format": "kol.json"}"#)
        let merged = try await h.call("kol/load", #"{"text": "{\"id\":\"b\",\"followers\":1}\n{\"id\":\"c\"}\n", "format": "kols.jsonl"}"#)
        #expect(merged["loaded"]?.int == 2)
        #expect(merged["total"]?.int == 3)
        let ids = try await h.call("kol/list", #"{"fields": ["followers"]}"#)["kols"]?.array
        #expect(ids == [["id": "a", "followers": 280000], ["id": "b", "followers": 1], ["id": "c"]])
        let replaced = try await h.call("kol/load", #"{"text": "id,name\nz,Zed\n", "format": "csv", "replace": true}"#)
        #expect(replaced["total"]?.int == 1)
        // Unknown top-level members of a .kol.json survive a load → save.
        let folder = try makeTemporaryFolder()
        let saver = WorkspaceHarness(allowedPaths: [folder])
        _ = try await saver.call("kol/load", #"{"text": "{\"version\": 1, \"kols\": [], \"notes\": \"春季\"}", "format": "kol.json"}"#)
        _ = try await saver.call("kol/save", #"{"path": \#(quoted(folder + "/n.kol.json"))}"#)
        let saved = String(decoding: FileManager.default.contents(atPath: folder + "/n.kol.json") ?? Data(), as: UTF8.self)
        #expect(saved.contains(#""notes": "春季""#))
    }

    @Test func cancelledLoadChangesNothing() async throws {
        let folder = try makeTemporaryFolder()
        let path = folder + "/big.kols.jsonl"
        try Data(#"{"id":"1"}"#.utf8 + [10]).write(to: URL(fileURLWithPath: path))
        let h = WorkspaceHarness(allowedPaths: [folder])
        var code: Int?
        do {
            _ = try await h.call("kol/load", #"{"path": \#(quoted(path))}"#, cancelled: true)
        } catch {
            code = (error as? RPCError)?.code
        }
        #expect(code == -32800)
        #expect(try await h.call("kol/list")["total"]?.int == 0)
    }

    /// Lines longer than the 1 MiB chunk and lines split across chunks (a Chinese name straddling the
    /// boundary) stream correctly; progress goes begin → report… → end with the token.
    @Test func streamedJSONLAcrossChunksWithProgress() async throws {
        let folder = try makeTemporaryFolder()
        let path = folder + "/many.kols.jsonl"
        var text = ""
        for index in 0..<30_000 { text += #"{"id":"k\#(index)","name":"杭州茶人\#(index)","followers":\#(index)}"# + "\n" }
        text += #"{"id":"long","name":"\#(String(repeating: "茶", count: 600_000))"}"# + "\n{broken\n"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        #expect(text.utf8.count > 2 * LoadMethod.chunkSize)
        let h = WorkspaceHarness(allowedPaths: [folder])
        let result = try await h.call("kol/load", #"{"path": \#(quoted(path)), "workDoneToken": "t1"}"#)
        #expect(result["loaded"]?.int == 30_001)
        #expect(result["diagnostics"]?.array.first?["line"]?.int == 30_002)
        #expect(result["diagnostics"]?.array.first?["code"]?.string == "invalid-json")
        let k = try await h.call("kol/get", #"{"id": "k29999"}"#)
        #expect(k["kol"]?["name"]?.string == "杭州茶人29999")
        let progress = h.notifications.filter { $0.method == "$/progress" }.map(\.params)
        #expect(progress.first?["value"]?["kind"]?.string == "begin")
        #expect(progress.last?["value"]?["kind"]?.string == "end")
        #expect(progress.allSatisfy { $0["token"] == "t1" })
        let percents = progress.compactMap { $0["value"]?["percentage"]?.int }
        #expect(percents == percents.sorted())
        #expect(percents.last == 100)
    }
}
