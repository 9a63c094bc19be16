import Foundation
import KOLCore

/// The workspace-wide tables a `ScoringEngine` is built on (every KOL's features, the peer statistics),
/// kept from one engine to the next and updated for the KOLs that changed.
///
/// Why: an editor keystroke changes one KOL of 10^4, yet building an engine computed a features dictionary
/// over every KOL and sorted every star level's values again: most of an edit's time once diagnostics were
/// kept rendered. The tables remember the KOLs they describe; a new workspace is compared with them KOL by
/// KOL (field by field, cheap while unchanged KOLs share their storage), and only the KOLs that differ have
/// their features computed and their peer entries swapped. The tables always equal a fresh build over the
/// new workspace (asserted in `EngineTablesTests`).
final class EngineTables: @unchecked Sendable {
    private let lock = NSLock()
    private var kols: [KOL] = []
    private var features: [String: KOLFeatures] = [:]
    private var peers = PeerStatistics(kols: [])

    /// More changed KOLs than this share of the workspace: the statistics are built afresh instead.
    static let rebuildShare = 0.25

    /// Which edit (revision) the tables last followed, when they were last updated from an `Edit` or
    /// asked again for the very same KOL list since; nil otherwise.
    private var followed: Int?

    /// A workspace that is an editor document's analysis at `revision` (revisions are the document
    /// manager's, unique across documents), and when that analysis was incremental, the one KOL it
    /// replaced by an edited copy (same id, same place) of the analysis at `base`. Why: the incremental
    /// analysis knows which KOL an edit changed; told so, the tables skip comparing every KOL (an
    /// O(workspace) pass per keystroke). The caller vouches for it; the tables check they followed `base`.
    struct Revision {
        var revision: Int
        var edit: (base: Int, old: KOL, new: KOL)?
    }

    /// What the tables give an engine, and which star levels' peer statistics changed since the tables
    /// followed `Revision.edit.base` (nil when unknown: no edit, the tables did not follow its base, or
    /// the statistics were built afresh). A KOL whose level is more than 2 half-stars from every changed
    /// level has the peer view it had (see `PeerStatistics.updatingReportingLevels`).
    struct Built {
        var features: [String: KOLFeatures]
        var peers: PeerStatistics
        var changedLevels: Set<Int>?
    }

    /// Features and peer statistics for `workspace`; `compute` computes the features of KOLs that are new
    /// or changed (in order).
    func tables(for workspace: Workspace, compute: ([KOL]) -> [KOLFeatures])
        -> (features: [String: KOLFeatures], peers: PeerStatistics) {
        let built = tables(for: workspace, revision: nil, compute: compute)
        return (built.features, built.peers)
    }

    /// The same, for a document's workspace at `revision` (see `Revision`).
    func tables(for workspace: Workspace, revision: Revision?, compute: ([KOL]) -> [KOLFeatures]) -> Built {
        lock.lock()
        defer { lock.unlock() }
        let new = workspace.kols
        let removed: [KOL]
        let added: [KOL]
        var changedLevels: Set<Int>?
        if let revision, let edit = revision.edit, followed == edit.base, new.count == kols.count {
            changedLevels = []
            if EngineTables.sameContent(edit.old, edit.new) {
                (removed, added) = ([], [])
            } else {
                (removed, added) = ([edit.old], [edit.new])
            }
        } else {
            let same = kols.withUnsafeBufferPointer { old in
                new.withUnsafeBufferPointer { old.baseAddress == $0.baseAddress && old.count == $0.count }
            }
            (removed, added) = same ? ([], []) : EngineTables.difference(from: kols, to: new)
            // The same list again (a hover, a rank between keystrokes) keeps what the tables follow.
            if !same && revision == nil { followed = nil }
        }
        if let revision { followed = revision.revision }
        guard !removed.isEmpty || !added.isEmpty else {
            kols = new
            return Built(features: features, peers: peers, changedLevels: changedLevels)
        }
        let computed = compute(added)
        for kol in removed { features[kol.id] = nil }
        for (kol, feature) in zip(added, computed) { features[kol.id] = feature }
        let lookup = features
        let featuresOf = { (kol: KOL) in lookup[kol.id] ?? KOLFeatures(kol: kol) }
        if Double(removed.count + added.count) > Double(new.count) * EngineTables.rebuildShare {
            peers = PeerStatistics(kols: new, features: featuresOf)
            changedLevels = nil
        } else {
            let updated = peers.updatingReportingLevels(removing: removed, adding: added, features: featuresOf)
            peers = updated.statistics
            changedLevels = changedLevels.map { $0.union(updated.changedLevels) }
        }
        kols = new
        return Built(features: features, peers: peers, changedLevels: changedLevels)
    }

    /// KOLs of `old` that are gone or changed, and KOLs of `new` that are new or changed (a changed KOL is
    /// in both lists). Same ids in the same order (every edit but adding or removing a KOL) is one pass.
    static func difference(from old: [KOL], to new: [KOL]) -> (removed: [KOL], added: [KOL]) {
        var removed: [KOL] = []
        var added: [KOL] = []
        if old.count == new.count {
            // Through buffer pointers: KOLs are compared in place, not copied (a copy retains ~15 fields).
            let aligned = old.withUnsafeBufferPointer { old in
                new.withUnsafeBufferPointer { new in
                    if old.baseAddress == new.baseAddress { return true }
                    for index in new.indices {
                        guard old[index].id == new[index].id else { return false }
                        if !sameContent(old[index], new[index]) {
                            removed.append(old[index])
                            added.append(new[index])
                        }
                    }
                    return true
                }
            }
            if aligned { return (removed, added) }
            removed.removeAll()
            added.removeAll()
        }
        var oldByID = [String: Int](minimumCapacity: old.count)
        for (index, kol) in old.enumerated() { oldByID[kol.id] = index }
        for kol in new {
            if let index = oldByID.removeValue(forKey: kol.id) {
                if !sameContent(old[index], kol) {
                    removed.append(old[index])
                    added.append(kol)
                }
            } else {
                added.append(kol)
            }
        }
        removed += oldByID.values.sorted().map { old[$0] }
        return (removed, added)
    }

    /// `a.withoutSource == b.withoutSource` without copying either KOL: every stored property but `source`.
    /// (`EngineTablesTests` counts KOL's properties, so a new one cannot be forgotten here.)
    static func sameContent(_ a: borrowing KOL, _ b: borrowing KOL) -> Bool {
        a.id == b.id && a.name == b.name && a.platform == b.platform && a.stars == b.stars
            && a.followers == b.followers && a.createdAt == b.createdAt && a.verified == b.verified
            && a.price == b.price && a.topics == b.topics && a.followerHistory == b.followerHistory
            && a.followerRegions == b.followerRegions && a.posts == b.posts && a.channels == b.channels
            && a.fanSample == b.fanSample && a.campaigns == b.campaigns && a.relationship == b.relationship
            && a.extra == b.extra
    }
}
