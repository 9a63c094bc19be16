/// The six JSON value kinds. Integers and doubles share `.number`; ask `JSONNode.int` for exactness.
public enum JSONKind: String, Sendable, Hashable {
    case null, bool, number, string, array, object
}
