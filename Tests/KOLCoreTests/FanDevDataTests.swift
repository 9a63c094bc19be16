import Foundation
import Testing
@testable import KOLCore

/// Locates ../shared (or $KOL_SHARED) and loads fans-dev; also tests the CSV reader and date mapping.
enum FanDevData {
    static var sharedRoot: URL {
        if let env = ProcessInfo.processInfo.environment["KOL_SHARED"] { return URL(fileURLWithPath: env) }
        // Tests/KOLCoreTests/FanDevDataTests.swift → repo root → ../shared
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared")
    }

    static func load() throws -> [LabeledFan] {
        let url = sharedRoot.appendingPathComponent("testdata/fans-dev/cresci2015_dev.csv")
        let data = try Data(contentsOf: url)
        return try CresciDevDataset.parse(String(decoding: data, as: UTF8.self))
    }
}

@Suite struct FanDevDataTests {
    @Test func csvQuotingCommasNewlinesAndBOM() {
        let text = "\u{FEFF}a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"two\nlines\",\n"
        let rows = FanDevCSVReader.parse(text)
        #expect(rows == [["a", "b", "c"], ["1", "x, y", "say \"hi\""], ["2", "two\nlines", ""]])
        #expect(FanDevCSVReader.parse("") == [])
        #expect(FanDevCSVReader.parse("a,b") == [["a", "b"]])
        #expect(FanDevCSVReader.parse("\"unterminated") == [["unterminated"]])
    }

    @Test func twitterDatesMapToUTC() throws {
        // 2009-12-13 17:20:24 UTC = 1 260 724 824 s since 1970.
        let created = try #require(CresciDevDataset.parseTwitterDate("Sun Dec 13 17:20:24 +0000 2009"))
        #expect(created.timeIntervalSince1970 == 1_260_724_824)
        let crawl = try #require(CresciDevDataset.parseCrawlTime("14-02-2015 10.54"))
        #expect(crawl.timeIntervalSince1970 == 1_423_911_240)
        #expect(CresciDevDataset.parseTwitterDate("yesterday") == nil)
        #expect(CresciDevDataset.parseCrawlTime("31-13-2015 10.54") == nil)
    }

    @Test func fieldMappingFollowsSourceMd() throws {
        let csv = """
            id,statuses_count,followers_count,friends_count,favourites_count,listed_count,created_at,url,lang,location,default_profile,default_profile_image,geo_enabled,verified,protected,description,updated,is_fake
            1,37,16,445,0,0,Sat Jun 23 16:09:19 +0000 2012,,en,,1,1,,,,"",14-02-2015 10.40,1
            2,10962,23368,958,590,715,Sun Jun 24 07:49:50 +0000 2007,http://x,en,"Rome, IT",,,1,1,,"Founder, CEO",14-02-2015 10.54,0
            """
        let rows = try CresciDevDataset.parse(csv)
        #expect(rows.count == 2)
        let fake = rows[0]
        #expect(fake.isFake)
        #expect(fake.profile.posts == 37 && fake.profile.followers == 16 && fake.profile.following == 445)
        #expect(fake.profile.avatar == false)  // default_profile_image = 1
        #expect(fake.profile.bio == "" && fake.profile.location == "")
        #expect(fake.profile.verified == false)
        let human = rows[1]
        #expect(!human.isFake)
        #expect(human.profile.avatar == true && human.profile.verified == true)
        #expect(human.profile.location == "Rome, IT" && human.profile.bio == "Founder, CEO")
        #expect(throws: CresciDevDataset.Failure.missingColumn("followers_count")) {
            try CresciDevDataset.parse("id,statuses_count\n1,2\n")
        }
    }

    @Test func devFileLoads() throws {
        let rows = try FanDevData.load()
        #expect(rows.count == 845)
        #expect(rows.filter(\.isFake).count == 401)
        #expect(rows.allSatisfy { $0.profile.createdAt != nil && $0.profile.followers != nil })
    }
}
