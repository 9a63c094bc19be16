/// The name of a score component (`engagement`, `relevance`, …), the key of `components` in `kol/score`
/// and of `brief.weights`.
///
/// A struct, not an enum, so the tone analysis can add `tone` in its own file.
public struct ComponentName: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (a: ComponentName, b: ComponentName) -> Bool { a.rawValue < b.rawValue }

    public static let starsFollowers = ComponentName("starsFollowers")
    public static let growth = ComponentName("growth")
    public static let engagement = ComponentName("engagement")
    public static let relevance = ComponentName("relevance")
    public static let geography = ComponentName("geography")
    public static let otherMedia = ComponentName("otherMedia")
    public static let activity = ComponentName("activity")
    public static let value = ComponentName("value")
}
