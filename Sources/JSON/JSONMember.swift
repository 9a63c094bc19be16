/// One `"key": value` pair of a parsed object, with the key's source range (quotes included) so callers can
/// point at the key itself, e.g. for an unknown or duplicate field.
public struct JSONMember: Sendable {
    public var key: String
    public var keyRange: SourceRange
    public var value: JSONNode
}
