import Testing
import JSON
@testable import KOLCore

@Suite struct WorkspaceOperationsTests {
    @Test func upsertValidatesAndRefusesMissingID() {
        var workspace = Workspace(kols: [KOL(id: "a", followers: 10)])
        let refused = workspace.upsert(KOL(id: ""), now: testNow)
        #expect(refused.change == .refused && refused.diagnostics.map(\.code) == [.missingID])
        #expect(workspace.count == 1)
        let replaced = workspace.upsert(KOL(id: "a", stars: 9, followers: 20), now: testNow)
        #expect(replaced.change == .replaced && replaced.diagnostics.map(\.code) == [.starsOutOfRange])
        #expect(workspace.kol(id: "a")?.followers == 20 && workspace.kol(id: "a")?.stars == nil)
        #expect(workspace.upsert(KOL(id: "b"), now: testNow).change == .inserted)
        #expect(workspace.kols.map(\.id) == ["a", "b"])
        #expect(workspace.remove(id: "a")?.id == "a")
        #expect(workspace.index(of: "b") == 0 && workspace.remove(id: "zz") == nil)
    }

    @Test func replaceKOLsFromOneOrigin() {
        let doc = KOLSource(origin: "file:///a.kol.json")
        var workspace = Workspace(kols: [KOL(id: "1", source: doc), KOL(id: "2"), KOL(id: "3", source: doc)])
        let problems = workspace.replaceKOLs(fromOrigin: "file:///a.kol.json",
                                             with: [KOL(id: "4", source: doc), KOL(id: "2", source: doc)])
        #expect(workspace.kols.map(\.id) == ["2", "4"])
        #expect(problems.map(\.code) == [.duplicateID])
        #expect(workspace.kols(fromOrigin: "file:///a.kol.json").map(\.id) == ["4"])
    }

    @Test func listFiltersFieldsAndPaging() {
        let kols = [
            KOL(id: "1", stars: 3, followers: 5000, followerRegions: FollowerRegions(entries: [.init(region: "上海", value: 0.3)]),
                relationship: Relationship(stage: .contacted)),
            KOL(id: "2", stars: 4, followers: 90000, relationship: Relationship(stage: .contacted)),
            KOL(id: "3", stars: 5, followers: nil, relationship: Relationship(stage: .partner)),
            KOL(id: "4", stars: 4.5, followers: 100000),
        ]
        let workspace = Workspace(kols: kols)
        #expect(workspace.list(KOLQuery(stage: .contacted)).kols.map(\.id) == ["1", "2"])
        #expect(workspace.list(KOLQuery(region: "上海")).kols.map(\.id) == ["1"])
        // Unknown followers never pass a minimum.
        #expect(workspace.list(KOLQuery(minStars: 4, minFollowers: 90000)).kols.map(\.id) == ["2", "4"])
        let page = workspace.list(KOLQuery(offset: 1, limit: 2))
        #expect(page.kols.map(\.id) == ["2", "3"] && page.total == 4)
        #expect(workspace.list(KOLQuery(offset: 9)).kols.isEmpty)
        #expect(KOLQuery(fields: ["stars", "name"]).select(kols[1]) == ["id": "2", "stars": 4])
    }

    @Test func regionSharesFromCounts() {
        let regions = FollowerRegions(entries: [.init(region: "北京", value: 300), .init(region: "上海", value: 100)])
        #expect(regions.form == .counts)
        #expect(regions.shares().map(\.value) == [0.75, 0.25])
        #expect(regions.shares(followers: 1000).map(\.value) == [0.3, 0.1])
    }
}
