import Foundation
import Testing

@testable import KOLCore

/// The fan-audit memo of a scoring context: the rule and the component share one audit, and nothing else does.
@Suite struct FanAuditMemoTests {
    @Test func reusesOnlyTheSameSampleDayAndOptions() {
        let memo = FanAuditMemo()
        let fans = (0..<8).map(ScoringFanQualityTests.bot) + (0..<22).map(ScoringFanQualityTests.person)
        let now = Date(timeIntervalSince1970: ScoringFixture.now.timeInterval)
        let entries = fans.map(FanSampleInput.entry)
        var runs = 0
        func audit(_ fans: [Fan], _ now: Date, _ options: FanAuditOptions) -> FanAuditResult {
            memo.result(id: "k", fans: fans, now: now, options: options) {
                runs += 1
                return FanAudit.audit(fans.map(FanSampleInput.entry), now: now, options: options)
            }
        }
        let fresh = FanAudit.audit(entries, now: now, options: FanAuditOptions())
        #expect(audit(fans, now, FanAuditOptions()) == fresh)
        #expect(audit(fans, now, FanAuditOptions()) == fresh)
        #expect(runs == 1)
        var stricter = FanAuditOptions()
        stricter.fakeShareThreshold = 0.1
        #expect(audit(fans, now, stricter) == FanAudit.audit(entries, now: now, options: stricter))
        #expect(audit(fans, now.addingTimeInterval(86_400 * 400), stricter).fans.count == fans.count)
        #expect(audit(Array(fans.prefix(10)), now, stricter).sampled == 10)
        #expect(runs == 4)
    }

    @Test func ruleAndComponentAgreeWithSeparateEngines() {
        let kol = ScoringFanQualityTests.kol(fake: 8, genuine: 22)
        let shared = ScoringFixture.engine([kol])
        let flags = shared.redFlags(kol)
        let score = shared.score(kol)
        #expect(flags == ScoringFixture.engine([kol]).redFlags(kol))
        #expect(score == ScoringFixture.engine([kol]).score(kol))
        #expect(flags.flags.contains { $0.code == .fakeFans })
    }
}
