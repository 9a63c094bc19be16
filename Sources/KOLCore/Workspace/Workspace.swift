import JSON

/// The in-memory workspace: the brief and the KOLs, in order, with an id → index map.
///
/// A value type: the server keeps one and swaps in updated copies, so a reader never sees half an update.
public struct Workspace: Hashable, Sendable {
    /// The contract version; only 1 exists.
    public static let supportedVersion = 1

    public var brief: Brief?
    /// In load order; ids are unique.
    public private(set) var kols: [KOL]
    private var indexByID: [String: Int]
    /// Top-level members this version does not know, written back on save.
    public var extra: JSONObject

    public init(brief: Brief? = nil, kols: [KOL] = [], extra: JSONObject = JSONObject()) {
        self.brief = brief
        self.extra = extra
        // Index first; when the ids are unique (the usual case) the array is kept as given, shared, with
        // no KOL copied: this runs on every document edit and every load.
        var index = [String: Int](minimumCapacity: kols.count)
        var firstRepeat: Int?
        for position in kols.indices {
            guard index.updateValue(position, forKey: kols[position].id) == nil else {
                firstRepeat = position
                break
            }
        }
        guard let firstRepeat else {
            self.kols = kols
            self.indexByID = index
            return
        }
        // A repeated id: the first KOL with it wins, later ones are dropped.
        var kept = Array(kols[..<firstRepeat])
        index.removeAll(keepingCapacity: true)
        for position in kept.indices { index[kept[position].id] = position }
        for kol in kols[firstRepeat...] where index[kol.id] == nil {
            index[kol.id] = kept.count
            kept.append(kol)
        }
        self.kols = kept
        self.indexByID = index
    }

    public var count: Int { kols.count }

    /// Replaces the KOL at `index` by one with the same id (an edited copy) and moves the source ranges of
    /// every later KOL by `delta` bytes, keeping the id index: what an editor keystroke inside one KOL needs,
    /// without hashing every id again. False (nothing changed) when the index is out of range or the id differs.
    public mutating func replace(at index: Int, with kol: KOL, movingLaterBy delta: Int) -> Bool {
        guard kols.indices.contains(index), kols[index].id == kol.id else { return false }
        kols[index] = kol
        if delta != 0 {
            for later in (index + 1)..<kols.count { kols[later].source?.shift(by: delta) }
        }
        return true
    }

    public func kol(id: String) -> KOL? { indexByID[id].map { kols[$0] } }

    public func index(of id: String) -> Int? { indexByID[id] }

    public func contains(id: String) -> Bool { indexByID[id] != nil }

    /// The same brief and KOLs with no provenance: what round-trip tests compare.
    public var withoutSources: Workspace {
        var copy = self
        copy.kols = kols.map(\.withoutSource)
        return copy
    }

    // MARK: Pure operations

    public mutating func setBrief(_ brief: Brief?) { self.brief = brief }

    /// Inserts or replaces a KOL by id, after validating it against `now`.
    ///
    /// A KOL without a usable id is refused and the workspace is unchanged. Invalid optional values are
    /// cleared (kept as written in `extra`) and reported; the rest of the KOL is stored.
    @discardableResult
    public mutating func upsert(_ kol: KOL, now: KOLDate) -> UpsertOutcome {
        var checked = kol
        let diagnostics = KOLValidator(now: now).validate(&checked, pathPrefix: "", ranges: kol.source?.fieldRanges ?? [:])
        if diagnostics.contains(where: { $0.code == .missingID }) {
            return UpsertOutcome(change: .refused, diagnostics: diagnostics)
        }
        if let index = indexByID[checked.id] {
            kols[index] = checked
            return UpsertOutcome(change: .replaced, diagnostics: diagnostics)
        }
        indexByID[checked.id] = kols.count
        kols.append(checked)
        return UpsertOutcome(change: .inserted, diagnostics: diagnostics)
    }

    /// Inserts or replaces a KOL that a loader already validated (no second validation pass).
    mutating func store(_ kol: KOL) {
        if let index = indexByID[kol.id] {
            kols[index] = kol
        } else {
            indexByID[kol.id] = kols.count
            kols.append(kol)
        }
    }

    /// Removes a KOL by id; returns it, or nil when there was none.
    @discardableResult
    public mutating func remove(id: String) -> KOL? {
        guard let index = indexByID[id] else { return nil }
        let removed = kols.remove(at: index)
        rebuildIndex()
        return removed
    }

    /// Replaces every KOL whose source origin is `origin` with `newKOLs` (an editor document changed or
    /// closed), as one operation. New KOLs whose id belongs to a KOL of another origin are refused with a
    /// `duplicate-id` diagnostic: the KOL already in the workspace wins.
    @discardableResult
    public mutating func replaceKOLs(fromOrigin origin: String, with newKOLs: [KOL]) -> [DataQualityDiagnostic] {
        kols.removeAll { $0.source?.origin == origin }
        rebuildIndex()
        var diagnostics: [DataQualityDiagnostic] = []
        for incoming in newKOLs {
            if let existing = self.kol(id: incoming.id) {
                let elsewhere = existing.source?.origin ?? "the workspace"
                diagnostics.append(DataQualityDiagnostic(
                    code: .duplicateID,
                    message: "The id \"\(incoming.id)\" is already used by a KOL from \(elsewhere); this one is ignored.",
                    range: incoming.source?.range(of: "id"), path: "id", kolId: incoming.id,
                    line: incoming.source?.line))
                continue
            }
            store(incoming)
        }
        return diagnostics
    }

    /// KOLs whose source origin is `origin`.
    public func kols(fromOrigin origin: String) -> [KOL] { kols.filter { $0.source?.origin == origin } }

    private mutating func rebuildIndex() {
        indexByID.removeAll(keepingCapacity: true)
        for (index, kol) in kols.enumerated() { indexByID[kol.id] = index }
    }
}

/// What `Workspace.upsert` did.
public struct UpsertOutcome: Hashable, Sendable {
    public enum Change: String, Hashable, Sendable { case inserted, replaced, refused }
    public var change: Change
    public var diagnostics: [DataQualityDiagnostic]
}
