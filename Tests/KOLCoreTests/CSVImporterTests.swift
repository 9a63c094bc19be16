import Testing
@testable import KOLCore

@Suite struct CSVImporterTests {
    let now = KOLDate(year: 2026, month: 11, day: 1)!

    @Test func typedFieldsTopicsPostsAndExtras() throws {
        let kols = "\u{FEFF}id,name,stars,followers,createdAt,verified,price,topics,agency\r\n"
            + "1669879400,\"茶小姐姐 🍵\",3.5,350000,2019-05-01,yes,3000,茶; 普洱 ;,星河\r\n"
            + "42,,,,,,,,\r\n"
        let posts = "kolId,at,text,reposts,comments,likes,kolReplies,isRepost\n"
            + "1669879400,2026-10-01T12:00:00+08:00,\"好喝, 哈哈\",120,340,2100,25,false\n"
        let result = CSVImporter.load(kols: Array(kols.utf8), posts: Array(posts.utf8), origin: "kols.csv", now: now)
        #expect(result.diagnostics.isEmpty)
        #expect(result.kols.count == 2)
        let tea = result.kols[0]
        #expect(tea.id == "1669879400")
        #expect(tea.name == "茶小姐姐 🍵")
        #expect(tea.stars == 3.5)
        #expect(tea.followers == 350_000)
        #expect(tea.createdAt == KOLDate.parse("2019-05-01"))
        #expect(tea.verified == true)
        #expect(tea.price == 3000)
        #expect(tea.topics == ["茶", "普洱"])
        #expect(tea.extra["agency"] == .string("星河"))
        #expect(tea.source?.line == 2)
        let post = try #require(tea.posts?.first)
        #expect(post.text == "好喝, 哈哈")
        #expect(post.engagements == 2560)
        #expect(post.kolReplies == 25 && post.isRepost == false)
        let empty = result.kols[1]
        #expect(empty.followers == nil && empty.stars == nil && empty.posts == nil && empty.extra.count == 0)
    }

    @Test func badCellsNameRowAndColumnAndStayUnknown() {
        let kols = "id,stars,followers,createdAt,verified\n1,seven,12.5,2026-02-30,maybe\n2,7,-3,,\n"
        let result = CSVImporter.load(kols: Array(kols.utf8), now: now)
        let found = result.diagnostics.map { "\($0.code.rawValue)@\($0.line ?? 0):\($0.column ?? 0)" }
        #expect(found == ["wrong-type@2:2", "not-an-integer@2:3", "invalid-date@2:4", "wrong-type@2:5",
                          "stars-out-of-range@3:2", "negative-followers@3:3"])
        #expect(result.kols[0].stars == nil && result.kols[0].followers == nil)
        #expect(result.kols[1].stars == nil && result.kols[1].followers == nil)
        #expect(result.diagnostics[4].message == "Stars must be between 0 and 6; this KOL has 7.")
    }

    @Test func missingAndDuplicateIdsAndOrphanPosts() {
        let kols = "id,name\n,nobody\n5,a\n5,b\n"
        let posts = "kolId,text\n9,orphan\n"
        let result = CSVImporter.load(kols: Array(kols.utf8), posts: Array(posts.utf8), now: now)
        #expect(result.kols.map(\.name) == ["a"])
        #expect(result.diagnostics.map(\.code) == [.missingID, .duplicateID, .unknownKOL])
        #expect(result.diagnostics.map(\.line) == [2, 4, 2])
    }

    @Test func extraCellsAreReported() {
        let result = CSVImporter.load(kols: Array("id\n1,2\n".utf8), now: now)
        #expect(result.diagnostics.map(\.code) == [.extraCells])
        #expect(result.diagnostics.first?.column == 2)
    }
}
