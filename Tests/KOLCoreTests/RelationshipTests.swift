import Testing
@testable import KOLCore

/// `kol/setStage` in the core: which moves are allowed, the dated history, the next-step hint.
@Suite struct RelationshipTests {
    static let d1 = KOLDate(year: 2026, month: 11, day: 1)!
    static let d2 = KOLDate(year: 2026, month: 11, day: 5)!

    @Test func movesAreClassified() {
        #expect(StageMove.classify(from: .candidate, to: .contacted) == .forward)
        #expect(StageMove.classify(from: .contacted, to: .posted) == .skipAhead)
        #expect(StageMove.skipped(from: .contacted, to: .posted) == [.sampling])
        #expect(StageMove.classify(from: .posted, to: .dropped) == .drop)
        #expect(StageMove.classify(from: .posted, to: .contacted) == .back)
        #expect(StageMove.classify(from: .dropped, to: .candidate) == .reopen)
        #expect(StageMove.classify(from: .sampling, to: .sampling) == .unchanged)
    }

    @Test func forwardMoveKeepsTheLeftStageInHistory() throws {
        let current = Relationship(stage: .contacted, notes: "报价7000", updatedAt: Self.d1)
        let outcome = try StageChanger.change(current, to: .sampling, at: Self.d2, note: "寄出样品").get()
        #expect(outcome.from == .contacted && outcome.move == .forward)
        #expect(outcome.relationship.stage == .sampling)
        #expect(outcome.relationship.updatedAt == Self.d2)
        #expect(outcome.relationship.notes == "寄出样品")
        #expect(outcome.relationship.history == [StageChange(stage: .contacted, at: Self.d1, note: "报价7000")])
        // A second move appends, oldest first.
        let next = try StageChanger.change(outcome.relationship, to: .posted, at: Self.d2, note: nil).get()
        #expect(next.relationship.history?.map(\.stage) == [.contacted, .sampling])
        #expect(next.relationship.notes == nil)
    }

    @Test func backwardsAndReopenNeedANoteAndDatesStayInOrder() throws {
        let posted = Relationship(stage: .posted, updatedAt: Self.d2)
        #expect(throws: StageChangeRefusal.needsNote(from: .posted, to: .contacted, move: .back)) {
            try StageChanger.change(posted, to: .contacted, at: Self.d2, note: "  ").get()
        }
        #expect(try StageChanger.change(posted, to: .contacted, at: Self.d2, note: "再谈价格").get().move == .back)
        let dropped = Relationship(stage: .dropped, updatedAt: Self.d1)
        #expect(throws: StageChangeRefusal.self) { try StageChanger.change(dropped, to: .candidate, at: Self.d2, note: nil).get() }
        #expect(throws: StageChangeRefusal.beforeCurrent(at: Self.d1, current: Self.d2)) {
            try StageChanger.change(posted, to: .partner, at: Self.d1, note: nil).get()
        }
        // No relationship yet: a candidate; dropping needs no note.
        let fresh = try StageChanger.change(nil, to: .dropped, at: Self.d1, note: nil).get()
        #expect(fresh.from == .candidate && fresh.move == .drop && fresh.relationship.history == nil)
        let same = try StageChanger.change(posted, to: .posted, at: Self.d2, note: nil).get()
        #expect(same.move == .unchanged && same.relationship == posted)
    }

    @Test func nextStepFollowsTheSeed() {
        #expect(NextStep.hint(for: .contacted).contains("Send the product to try"))
        #expect(NextStep.hint(for: .posted).contains("kol/recordCampaign"))
        let good = ReturnsAnalysis.analyse([AllocationTests.tried("g", price: 1000, clicks: 2000, conversions: 100, revenue: 20000)])
        #expect(NextStep.hint(for: .posted, returns: good.kols[0]).contains("launch or trade show"))
        let poor = ReturnsAnalysis.analyse([AllocationTests.tried("p", price: 1000, clicks: 2000, conversions: 2, revenue: 200)])
        #expect(NextStep.hint(for: .posted, returns: poor.kols[0]).hasPrefix("Poor return"))
    }
}
