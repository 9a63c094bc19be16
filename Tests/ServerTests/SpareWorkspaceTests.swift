import KOLCore
import Testing
@testable import Server

/// The spare workspace is handed out once, only to the analysis of the revision it was made from, and
/// equals the workspace it copies.
@Suite struct SpareWorkspaceTests {
    @Test func takenOnceAndOnlyForItsRevision() {
        let workspace = Workspace(kols: [KOL(id: "a", followers: 10), KOL(id: "b", stars: 2)])
        let spare = SpareWorkspace()
        spare.prepare(workspace, revision: 7)
        var target = Workspace(kols: [KOL(id: "other")])
        spare.take(revision: 6, into: &target)
        #expect(target.kols.map(\.id) == ["other"])
        target = workspace
        spare.take(revision: 7, into: &target)
        #expect(target == workspace)
        // Gone after one use: a second analysis of revision 7 copies the shared list as before.
        var again = Workspace()
        spare.take(revision: 7, into: &again)
        #expect(again.kols.isEmpty)
        // An empty workspace leaves no spare.
        spare.prepare(Workspace(), revision: 8)
        spare.take(revision: 8, into: &again)
        #expect(again.kols.isEmpty)
    }
}
