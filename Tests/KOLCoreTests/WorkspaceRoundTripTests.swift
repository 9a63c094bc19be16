import Testing
import JSON
@testable import KOLCore

@Suite struct WorkspaceRoundTripTests {
    static let full = """
    {"version": 1, "brief": {"product": "云南手工普洱茶礼盒", "keywords": ["茶", "普洱", "tea"], "targetRegions": ["上海"],
     "tone": {"samples": ["哈哈，好茶🍵"]}, "budget": 20000, "weights": {"engagement": 2, "relevance": 1.5}, "thresholds": {"dormant": 30}, "agency": "星河"},
     "kols": [
      {"id": "1669879400", "name": "茶小姐姐", "stars": 3.5, "followers": 350000, "createdAt": "2019-05-01", "verified": true,
       "price": 3000, "topics": ["茶"], "followerHistory": [{"date": "2026-01-01", "followers": 300000}],
       "followerRegions": {"上海": 0.31, "浙江": 0.12}, "mood": {"x": [1, null]},
       "posts": [{"at": "2026-10-01T12:00:00.5+08:00", "text": "今天试了一款普洱 😄", "reposts": 120, "comments": 340, "likes": 2100, "kolReplies": 25, "isRepost": false, "lang": "zh"}],
       "channels": [{"platform": "wechat", "name": "茶室", "followers": 42000, "posts": [{"at": "2026-09-01", "text": "长文"}]}],
       "fanSample": [{"id": "f1", "followers": 10, "following": 900, "createdAt": "2026-01-01", "avatar": false, "reposts": 0.9}],
       "campaigns": [{"id": "c1", "start": "2026-03-01", "end": "2026-03-10", "cost": 2500, "impressions": 90000, "revenue": 4100.5}],
       "relationship": {"stage": "sampling", "notes": "寄样了", "updatedAt": "2026-10-02", "history": [{"stage": "contacted", "at": "2026-09-01"}]}},
      {"id": "42", "followers": -1, "stars": 9, "followerRegions": {"北京": 2000, "上海": 1000}}
     ]}
    """

    @Test func kolJSONLoadSaveLoad() throws {
        let first = load(Self.full)
        #expect(first.diagnostics.map(\.code) == [.starsOutOfRange, .negativeFollowers])
        let saved = WorkspaceEncoder.documentBytes(first.workspace)
        let second = WorkspaceDocument.load(bytes: saved, now: testNow)
        #expect(second.workspace.withoutSources == first.workspace.withoutSources)
        #expect(second.diagnostics.map(\.code) == first.diagnostics.map(\.code))
        // Deterministic: saving again gives the same bytes.
        #expect(WorkspaceEncoder.documentBytes(second.workspace) == saved)
        let tea = try #require(second.workspace.kol(id: "1669879400"))
        #expect(tea.extra["mood"] == ["x": [1, nil]])
        #expect(tea.posts?.first?.at?.description == "2026-10-01T12:00:00.5+08:00")
        #expect(second.workspace.brief?.extra["agency"] == "星河")
        #expect(second.workspace.kol(id: "42")?.followerRegions?.form == .counts)
    }

    @Test func savedDocumentLayoutIsOneKOLPerLine() {
        let workspace = Workspace(brief: Brief(product: "茶"), kols: [KOL(id: "a", stars: 3), KOL(id: "b")])
        let text = String(decoding: WorkspaceEncoder.documentBytes(workspace), as: UTF8.self)
        #expect(text == "{\n  \"version\": 1,\n  \"brief\": {\"product\":\"茶\"},\n  \"kols\": [\n    {\"id\":\"a\",\"stars\":3},\n    {\"id\":\"b\"}\n  ]\n}\n")
    }

    @Test func jsonLinesLoadSaveLoad() {
        let first = load(Self.full).workspace
        let bytes = WorkspaceEncoder.jsonLinesBytes(first.kols)
        let read = JSONLReader.read(bytes, now: testNow)
        #expect(read.kols.map(\.withoutSource) == first.kols.map(\.withoutSource))
        #expect(WorkspaceEncoder.jsonLinesBytes(read.kols) == bytes)
    }

    @Test func csvLoadSaveAsKolJSONLoad() {
        let csv = "id,name,stars,followers,createdAt,verified,price,topics,agency\n1,\"茶, 小姐姐\",3,350000,2019-05-01,true,3000,茶;普洱,星河\n"
        let posts = "kolId,at,text,likes\n1,2026-10-01T12:00:00+08:00,\"好喝\"\"吧\"\"\",9\n"
        let first = CSVImporter.load(kols: Array(csv.utf8), posts: Array(posts.utf8), now: testNow)
        let workspace = Workspace(kols: first.kols)
        let again = WorkspaceDocument.load(bytes: WorkspaceEncoder.documentBytes(workspace), now: testNow)
        #expect(again.diagnostics.isEmpty)
        #expect(again.workspace.kols.map(\.withoutSource) == first.kols.map(\.withoutSource))
        #expect(again.workspace.kols.first?.posts?.first?.text == "好喝\"吧\"")
    }
}
