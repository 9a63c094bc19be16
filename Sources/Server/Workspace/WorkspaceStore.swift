import Foundation
import KOLCore

/// The one in-memory workspace of a server, with the KOLs of open editor documents laid over it.
///
/// Two layers, because the brief lets an open `*.kol.json` document's KOLs "join the workspace while it is
/// open": `base` holds what `kol/load`, `kol/upsert`, `kol/remove` and `kol/setBrief` made; each open
/// document contributes its KOLs on top. A document KOL replaces a base KOL with the same id while the
/// document is open, and closing the document brings the base KOL back (nothing is lost by opening a
/// file you also loaded). Among documents, the one opened first keeps a contested id.
///
/// Readers take `snapshot` (a value; copy-on-write), so an analysis never sees half a change: every
/// mutation builds the new effective workspace aside and swaps it in under the lock.
final class WorkspaceStore: @unchecked Sendable {
    /// One open document's contribution, in the order documents were opened.
    struct Overlay: Sendable {
        var uri: String
        var kols: [KOL]
        var brief: Brief?
        /// The document's own workspace of exactly `kols`, when the caller has it: a lone document then
        /// becomes the effective workspace without hashing every id again.
        var workspace: Workspace?
    }

    private let lock = NSLock()
    private var base = Workspace()
    private var overlays: [Overlay] = []
    private var effective = Workspace()
    /// Duplicate-id findings of the last merge, by document URI (a document KOL whose id an earlier
    /// document already holds).
    private var conflicts: [String: [DataQualityDiagnostic]] = [:]

    /// The workspace every analysis sees: base plus open documents.
    var snapshot: Workspace {
        lock.lock()
        defer { lock.unlock() }
        return effective
    }

    /// The workspace without open documents.
    var baseSnapshot: Workspace {
        lock.lock()
        defer { lock.unlock() }
        return base
    }

    /// Changes the base layer with `body` and republishes the effective workspace, as one step.
    @discardableResult
    func updateBase<T>(_ body: (inout Workspace) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        var copy = base
        let result = try body(&copy)
        base = copy
        rebuild()
        return result
    }

    /// Sets (or, with nil, removes) the overlay of the document `uri`.
    func setOverlay(uri: String, _ overlay: Overlay?) {
        lock.lock()
        defer { lock.unlock() }
        if let index = overlays.firstIndex(where: { $0.uri == uri }) {
            if let overlay { overlays[index] = overlay } else { overlays.remove(at: index) }
        } else if let overlay {
            overlays.append(overlay)
        }
        rebuild()
    }

    /// Duplicate-id diagnostics the merge raised for the document `uri`.
    func conflicts(for uri: String) -> [DataQualityDiagnostic] {
        lock.lock()
        defer { lock.unlock() }
        return conflicts[uri] ?? []
    }

    /// Recomputes `effective`; caller holds the lock. Base order is kept, a document KOL takes the place
    /// of the base KOL it shadows, new document KOLs follow in document order.
    private func rebuild() {
        guard !overlays.isEmpty else {
            effective = base
            conflicts = [:]
            return
        }
        // One open document and nothing loaded (the editor case): its KOLs are the workspace as they are
        // (a document's KOL ids are already unique), without a pass that copies every KOL on each keystroke.
        if base.kols.isEmpty, overlays.count == 1 {
            if var prebuilt = overlays[0].workspace {
                prebuilt.brief = base.brief ?? overlays[0].brief
                prebuilt.extra = base.extra
                effective = prebuilt
            } else {
                effective = Workspace(brief: base.brief ?? overlays[0].brief, kols: overlays[0].kols, extra: base.extra)
            }
            conflicts = [:]
            return
        }
        var owner: [String: String] = [:]
        var replacement: [String: KOL] = [:]
        var added: [KOL] = []
        var found: [String: [DataQualityDiagnostic]] = [:]
        for overlay in overlays {
            for kol in overlay.kols {
                if let other = owner[kol.id] {
                    found[overlay.uri, default: []].append(DataQualityDiagnostic(
                        code: .duplicateID,
                        message: "The id \"\(kol.id)\" is already used by a KOL in the open document \(other); this one is ignored.",
                        range: kol.source?.range(of: "id"), path: "id", kolId: kol.id))
                    continue
                }
                owner[kol.id] = overlay.uri
                if base.contains(id: kol.id) { replacement[kol.id] = kol } else { added.append(kol) }
            }
        }
        let kols = base.kols.map { replacement[$0.id] ?? $0 } + added
        let brief = base.brief ?? overlays.lazy.compactMap(\.brief).first
        effective = Workspace(brief: brief, kols: kols, extra: base.extra)
        conflicts = found
    }
}
