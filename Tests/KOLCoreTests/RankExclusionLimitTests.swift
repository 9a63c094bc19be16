import JSON
import Testing
@testable import KOLCore

@Suite struct RankExclusionLimitTests {
    static let all = [
        RankExclusion(id: "a", reason: .errorFlags([.toneClash, .offTopic])),
        RankExclusion(id: "b", reason: .dropped),
        RankExclusion(id: "c", reason: .errorFlags([.toneClash])),
        RankExclusion(id: "d", reason: .errorFlags([.dormant])),
    ]

    @Test func listsTheFirstLimitAndCountsAll() {
        var result = RankResult(kols: [], total: 0, shortlist: nil, budget: nil, pilot: nil)
        result.setExcluded(Self.all, limit: 2)
        #expect(result.excluded.map(\.id) == ["a", "b"])
        #expect(result.excludedTotal == 4)
        // tone-clash 2 (a, c); then the ones seen once, by code: dormant, off-topic. Dropped has no flag.
        #expect(result.excludedFlags.map(\.code) == [.toneClash, .dormant, .offTopic])
        #expect(result.excludedFlags.map(\.count) == [2, 1, 1])
        guard case .object(let json) = result.json else {
            Issue.record("rank result is not an object")
            return
        }
        #expect(json["excludedTotal"] == .int(4))
        #expect(json["excludedFlags"] == ["tone-clash": 2, "dormant": 1, "off-topic": 1])
        #expect(json["excludedFlags"]?.serializedString == #"{"tone-clash":2,"dormant":1,"off-topic":1}"#)
    }

    @Test func noLimitListsAllAndZeroListsNone() {
        var result = RankResult(kols: [], total: 0, shortlist: nil, budget: nil, pilot: nil)
        result.setExcluded(Self.all, limit: nil)
        #expect(result.excluded.count == 4 && result.excludedTotal == 4)
        result.setExcluded(Self.all, limit: 0)
        #expect(result.excluded.isEmpty && result.excludedTotal == 4)
        result.setExcluded([], limit: 100)
        #expect(result.excluded.isEmpty && result.excludedTotal == 0 && result.excludedFlags.isEmpty)
    }
}
