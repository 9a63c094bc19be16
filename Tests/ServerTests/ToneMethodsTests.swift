import JSON
import KOLCore
import RPC
import Testing
@testable import Server

/// `kol/toneProfile` and `kol/compareTone` through the registered handlers.
struct ToneMethodsTests {
    /// protocol.md §8.2: 太好吃了！！！ → intensity sigmoid(−1.5 + 0.5 + 0.1 + 1.5) = sigmoid(0.6) = 0.646 (no
    /// model on intensity); an empty text is organic: commerciality sigmoid(−2) = 0.119.
    @Test func textsProfileMatchesTheDocumentedNumbers() async throws {
        let h = WorkspaceHarness()
        let result = try await h.call("kol/toneProfile", #"{"texts": ["太好吃了！！！", ""], "perText": true}"#)
        #expect(result["posts"] == 2)
        let first = try #require(result["perText"]?[0])
        #expect(first["text"] == "太好吃了！！！")
        #expect(first["dimensions"]?["intensity"] == .double(0.646))
        #expect(result["perText"]?[1]?["dimensions"]?["commerciality"] == .double(0.119))
        #expect(first["posts"] == nil)
    }

    @Test func kolProfileHonoursTheTimeWindow() async throws {
        let h = try await ScoringMethodsTests.demo()
        let all = try await h.call("kol/toneProfile", #"{"id": "3471925560"}"#)
        #expect(all["posts"] == 13 && all["id"] == "3471925560")
        let late = try await h.call("kol/toneProfile", #"{"id": "3471925560", "since": "2026-10-28"}"#)
        #expect(late["posts"] == 7)
        let ads = try #require(late["dimensions"]?["commerciality"]?.doubleValue)
        let before = try #require(try await h.call("kol/toneProfile", #"{"id": "3471925560", "until": "2026-10-27"}"#)["dimensions"]?["commerciality"]?.doubleValue)
        #expect(ads > before + 0.4)
    }

    @Test func errors() async throws {
        let h = WorkspaceHarness()
        #expect(await h.errorCode("kol/toneProfile", #"{"id": "x"}"#) == -32005)
        #expect(await h.rpcError("kol/toneProfile", #"{"id": "x", "texts": []}"#)?.message == "params: give either id or texts")
        #expect(await h.rpcError("kol/toneProfile", #"{"texts": [1]}"#)?.message == "params.texts[0]: expected string, got integer")
        #expect(await h.rpcError("kol/compareTone", #"{"a": {"preset": "sarcastic"}, "b": {"brief": true}}"#)?.message
                == "params.a.preset: unknown preset \"sarcastic\"; use one of humorous, lighthearted, serious, corporate")
        #expect(await h.errorCode("kol/compareTone", #"{"a": {"preset": "serious"}, "b": {"brief": true}}"#) == -32006)
        #expect(await h.errorCode("kol/compareTone", #"{"a": {}, "b": {"preset": "serious"}}"#) == -32602)
    }

    /// protocol.md §8.4: humorous vs corporate = 0.3·0.7 + 0.25·0.7 + 0.15·0.15 + 0.15·0.25 + 0.15·0.33 = 0.4945.
    @Test func presetsCompareByTheDocumentedDistance() async throws {
        let h = WorkspaceHarness()
        let result = try await h.call("kol/compareTone", #"{"a": {"preset": "humorous"}, "b": {"preset": "corporate"}}"#)
        #expect(abs((result["distance"]?.doubleValue ?? 0) - 0.4945) < 0.0006)
        #expect(result["verdict"] == "clashes")
        #expect(result["dimensions"]?["humor"] == .double(0.7))
        #expect(result["best"] == [] && result["worst"] == [])
    }

    @Test func corporateKOLClashesWithTheDemoBriefAndNamesItsPosts() async throws {
        let h = try await ScoringMethodsTests.demo()
        let result = try await h.call("kol/compareTone", #"{"a": {"id": "2281630094"}, "b": {"brief": true}}"#)
        #expect(result["verdict"] == "clashes")
        #expect(result["distance"] == .double(0.398))
        #expect(result["best"]?.array.count == 3 && result["worst"]?.array.count == 3)
        #expect(result["worst"]?[0]?["index"] == 0)
        let ameng = try await h.call("kol/compareTone", #"{"a": {"id": "2713968254"}, "b": {"preset": "lighthearted"}}"#)
        #expect(ameng["verdict"] == "fits")
    }
}
