import JSON

/// Why `kol/setStage` refused a change.
package enum StageChangeRefusal: Error, Hashable, Sendable {
    /// Moving back or re-opening without saying why.
    case needsNote(from: RelationshipStage, to: RelationshipStage, move: StageMove)
    /// `at` is earlier than the date of the current stage: the history must stay in order.
    case beforeCurrent(at: KOLDate, current: KOLDate)

    package var message: String {
        switch self {
        case .needsNote(let from, let to, let move):
            let what = move == .reopen ? "Re-opening a dropped KOL" : "Moving back from \(from.rawValue) to \(to.rawValue)"
            return "\(what) needs a note saying why."
        case .beforeCurrent(let at, let current):
            return "The change is dated \(at), before the current stage's date \(current)."
        }
    }
}

/// Applies a stage change to a relationship: the stage being left goes to `history` (with its date and
/// notes), the new stage takes the date `at` and the note. Pure.
package enum StageChanger {
    package struct Outcome: Hashable, Sendable {
        package var relationship: Relationship
        package var from: RelationshipStage
        package var move: StageMove
        package var skipped: [RelationshipStage]
    }

    /// A KOL without a relationship (or without a known stage) counts as a `candidate`.
    package static func change(_ current: Relationship?, to stage: RelationshipStage, at: KOLDate, note: String?)
        -> Result<Outcome, StageChangeRefusal> {
        let from = current?.stage ?? .candidate
        let move = StageMove.classify(from: from, to: stage)
        let note = note.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        if move == .unchanged, let current {
            return .success(Outcome(relationship: current, from: from, move: move, skipped: []))
        }
        if move.needsNote, note == nil { return .failure(.needsNote(from: from, to: stage, move: move)) }
        if let since = current?.updatedAt, at < since { return .failure(.beforeCurrent(at: at, current: since)) }
        var history = current?.history ?? []
        if let old = current, let oldStage = old.stage {
            history.append(StageChange(stage: oldStage, at: old.updatedAt, note: old.notes))
        }
        let next = Relationship(stage: stage, notes: note, updatedAt: at, history: history.isEmpty ? nil : history,
                                extra: current?.extra ?? JSONObject())
        return .success(Outcome(relationship: next, from: from, move: move,
                                skipped: StageMove.skipped(from: from, to: stage)))
    }
}
