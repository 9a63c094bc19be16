/// The kind of a relationship stage change, as `kol/setStage` classifies it.
///
/// The pipeline is candidate → contacted → sampling → posted → partner, with `dropped` beside it.
/// Moving ahead (one step, or skipping steps: a brand may pay for a post without sampling first) and
/// dropping are always allowed. Moving back and re-opening a dropped KOL are allowed only with a note
/// saying why, so the history explains itself.
package enum StageMove: String, Hashable, Sendable {
    /// One step ahead in the pipeline.
    case forward
    /// Ahead by more than one step (the skipped stages are named in the result).
    case skipAhead
    /// To `dropped`.
    case drop
    /// Back to an earlier stage: needs a note.
    case back
    /// From `dropped` to any pipeline stage: needs a note.
    case reopen
    /// Already at that stage: nothing changes.
    case unchanged

    package var needsNote: Bool { self == .back || self == .reopen }

    /// The pipeline without `dropped`, in order.
    package static let pipeline: [RelationshipStage] = [.candidate, .contacted, .sampling, .posted, .partner]

    package static func classify(from: RelationshipStage, to: RelationshipStage) -> StageMove {
        if from == to { return .unchanged }
        if to == .dropped { return .drop }
        if from == .dropped { return .reopen }
        let a = pipeline.firstIndex(of: from) ?? 0
        let b = pipeline.firstIndex(of: to) ?? 0
        if b == a + 1 { return .forward }
        return b > a ? .skipAhead : .back
    }

    /// Pipeline stages strictly between `from` and `to` when moving ahead (what was skipped).
    package static func skipped(from: RelationshipStage, to: RelationshipStage) -> [RelationshipStage] {
        guard let a = pipeline.firstIndex(of: from), let b = pipeline.firstIndex(of: to), b > a + 1 else { return [] }
        return Array(pipeline[(a + 1)..<b])
    }
}
