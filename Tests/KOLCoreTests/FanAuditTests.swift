import Foundation
import Testing
@testable import KOLCore

@Suite struct FanAuditTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    func daysAgo(_ d: Double) -> Date { now.addingTimeInterval(-d * 86_400) }

    var bought: FanProfile {
        FanProfile(followers: 3, following: 2000, posts: 0, createdAt: daysAgo(9), avatar: false, bio: "")
    }
    var person: FanProfile {
        FanProfile(followers: 420, following: 310, posts: 2600, createdAt: daysAgo(2500), avatar: true, bio: "爱喝茶")
    }

    func sample(fake: Int, genuine: Int) -> [FanSampleEntry] {
        (0..<fake).map { FanSampleEntry(id: "f\($0)", profile: bought) }
            + (0..<genuine).map { FanSampleEntry(id: "g\($0)", profile: person) }
    }

    @Test func shareIntervalAndOrder() throws {
        // 10 fake of 100: share 0.10, Wilson [0.0552, 0.1744]; clear at the 25 % threshold.
        let entries = sample(fake: 10, genuine: 90).reversed() as [FanSampleEntry]
        let r = FanAudit.audit(entries, now: now)
        #expect(r.sampled == 100 && r.assessed == 100 && r.fakeCount == 10)
        #expect(r.fakeShare == 0.1)
        let i = try #require(r.interval)
        #expect(abs(i.low - 0.0552) < 1e-4 && abs(i.high - 0.1744) < 1e-4)
        #expect(r.fans.map(\.id) == entries.map(\.id))  // sample order
        #expect(r.fans.filter(\.fake).map(\.id).allSatisfy { $0?.hasPrefix("f") == true })
        #expect(r.outcome == .clear)
        #expect(r.redFlag == nil)
        // Sampling advice at the share seen (10 %), for ± 5 points.
        #expect(r.sampleSizeForTargetWidth == Wilson.sampleSize(width: 0.10, proportion: 0.1))
    }

    @Test func flagWhenShareAboveThreshold() throws {
        // 40 of 100 fake: interval ≈ [0.309, 0.498], low end above 25 % → clearly fake.
        let r = FanAudit.audit(sample(fake: 40, genuine: 60), now: now)
        #expect(r.outcome == .clearlyFake)
        let flag = try #require(r.redFlag)
        #expect(flag.code == "fake-fans")
        #expect(flag.threshold == 0.25)
        #expect(flag.evidence.first == "40 of 100 sampled fans look fake: 40 % (95 % interval 31 %–50 %)")
        #expect(flag.evidence.contains { $0.contains("Modash") && $0.contains("75 %") })
        #expect(flag.evidence.contains("40 of the 40 fake-looking fans: follow far more accounts than follow them"))
    }

    @Test func likelyWhenIntervalStraddlesThreshold() {
        // 12 of 40 = 30 %: interval ≈ [0.181, 0.454] reaches below 25 %.
        let r = FanAudit.audit(sample(fake: 12, genuine: 28), now: now)
        #expect(r.outcome == .likelyFake)
        #expect(r.redFlag != nil)
    }

    @Test func thresholdIsOverridable() {
        var options = FanAuditOptions()
        options.fakeShareThreshold = 0.5
        let r = FanAudit.audit(sample(fake: 40, genuine: 60), now: now, options: options)
        #expect(r.outcome == .clear && r.redFlag == nil)
    }

    @Test func tooFewFansNeverFlags() {
        let r = FanAudit.audit(sample(fake: 5, genuine: 5), now: now)
        #expect(r.fakeShare == 0.5)
        #expect(r.outcome == .tooFewFans)
        #expect(r.redFlag == nil)
    }

    @Test func emptyAndUnknownFans() {
        let empty = FanAudit.audit([], now: now)
        #expect(empty.sampled == 0 && empty.fakeShare == nil && empty.interval == nil)
        #expect(empty.sampleSizeForTargetWidth == 381)  // worst case p = 0.5
        #expect(empty.outcome == .tooFewFans)
        // A fan with nothing known is listed but not judged, and not counted in the share.
        let r = FanAudit.audit([FanSampleEntry(id: "x", profile: FanProfile())] + sample(fake: 1, genuine: 1), now: now)
        #expect(r.sampled == 3 && r.assessed == 2 && r.fakeShare == 0.5)
        #expect(r.fans[0].assessed == false && r.fans[0].fake == false && r.fans[0].reasons.isEmpty)
        #expect(r.fans[0].missing.count == FanModel.committed.features.count)
    }

    @Test func missingFeaturesAreListed() {
        let v = FanAudit.classify(FanSampleEntry(profile: FanProfile(followers: 10, following: 20)), now: now)
        #expect(v.assessed)
        #expect(v.missing.contains(.logPosts) && v.missing.contains(.logAccountAgeDays))
        #expect(!v.missing.contains(.logFollowers))
    }

    @Test func deterministic() {
        let a = FanAudit.audit(sample(fake: 7, genuine: 33), now: now)
        let b = FanAudit.audit(sample(fake: 7, genuine: 33), now: now)
        #expect(a == b)
    }
}
