import JSON
import KOLCore
import Testing
@testable import Server

/// The engine tables told which KOL an editor revision replaced (`EngineTables.Revision`) equal a fresh
/// build, report the star levels whose statistics moved, and ignore the hint when they did not follow its
/// base revision (then they compare every KOL, as without a hint).
@Suite struct EngineTablesRevisionTests {
    typealias Random = AnalysisCacheEquivalenceTests.Random

    static func expectFresh(_ built: EngineTables.Built, _ kols: [KOL], _ note: String) {
        #expect(built.peers.canonical == PeerStatistics(kols: kols).canonical, "\(note)")
        #expect(built.features.count == kols.count, "\(note)")
        for kol in kols { #expect(built.features[kol.id] == KOLFeatures(kol: kol), "\(note) \(kol.id)") }
    }

    @Test func oneKOLEditsWithRevisionsGiveTheTablesOfAFreshBuild() {
        var random = Random(state: 17)
        var kols = AnalysisCacheEquivalenceTests.workspace(&random)
        let tables = EngineTables()
        var computed = 0
        let compute = { (changed: [KOL]) -> [KOLFeatures] in
            computed += changed.count
            return changed.map { KOLFeatures(kol: $0) }
        }
        var revision = 1
        _ = tables.tables(for: Workspace(kols: kols), revision: EngineTables.Revision(revision: revision), compute: compute)
        var knownLevels = 0
        for round in 0..<80 {
            let target = random.int(0...(kols.count - 1))
            let old = kols[target]
            switch random.int(0...4) {
            case 0, 1: kols[target].followers = 10_000 * random.int(1...400)
            case 2: kols[target].price = Double(100 * random.int(1...300))
            case 3: kols[target].stars = [1, 1.5, 2, 3, 4.5, 6][random.int(0...5)]
            default: kols[target].source = KOLSource(origin: "doc", range: SourceRange(start: round, end: round + 9))
            }
            let base = revision
            revision += 1
            let workspace = Workspace(kols: kols)
            // Now and then something else asks for the tables of the same list: the hint still holds.
            if round % 7 == 3 { _ = tables.tables(for: workspace) { compute($0) } }
            let before = computed
            var hint = EngineTables.Revision(revision: revision)
            hint.edit = (base, old, kols[target])
            let built = tables.tables(for: workspace, revision: hint, compute: compute)
            Self.expectFresh(built, kols, "round \(round)")
            if round % 7 != 3 {
                // Told the change: at most the one KOL had its features computed.
                #expect(computed - before <= 1, "round \(round)")
                if let levels = built.changedLevels {
                    knownLevels += 1
                    if EngineTables.sameContent(old, kols[target]) { #expect(levels.isEmpty, "round \(round)") }
                }
            }
        }
        #expect(knownLevels > 60)
    }

    @Test func aHintFromAnotherBaseIsIgnored() {
        var random = Random(state: 23)
        var kols = AnalysisCacheEquivalenceTests.workspace(&random)
        let tables = EngineTables()
        _ = tables.tables(for: Workspace(kols: kols), revision: EngineTables.Revision(revision: 1)) { $0.map { KOLFeatures(kol: $0) } }
        // Someone else's workspace in between: the tables no longer follow revision 1.
        let old0 = kols[0]
        kols[0].followers = 777_777
        _ = tables.tables(for: Workspace(kols: kols)) { $0.map { KOLFeatures(kol: $0) } }
        let old1 = kols[1]
        kols[1].followers = 888_888
        var hint = EngineTables.Revision(revision: 2)
        hint.edit = (1, old1, kols[1])
        // Revision 2 claims only KOL 1 changed since revision 1; the tables compare every KOL instead.
        var second = kols
        second[0] = old0
        let built = tables.tables(for: Workspace(kols: second), revision: hint) { $0.map { KOLFeatures(kol: $0) } }
        #expect(built.changedLevels == nil)
        Self.expectFresh(built, second, "ignored hint")
    }
}
