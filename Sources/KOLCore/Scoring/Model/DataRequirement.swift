import JSON

/// One piece of data an analysis needed, and whether the KOL (or brief) had it.
///
/// Why: "missing is unknown, never zero". A marketer must see that `silent-kol` was not checked because no
/// post had `kolReplies`, rather than read the silence of the engine as a clean bill of health.
public struct DataRequirement: Hashable, Sendable {
    /// A field path such as `posts[].kolReplies`, `followerHistory`, `brief.targetRegions`.
    public var field: String
    public var present: Bool

    public init(_ field: String, present: Bool) {
        self.field = field
        self.present = present
    }

    public var json: JSONValue { ["field": .string(field), "present": .bool(present)] }
}
