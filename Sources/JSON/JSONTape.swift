/// The node table ("tape") a document is parsed into: one 16-byte entry per value (and per object key), in
/// source order (pre-order). Invariants:
/// - entry 0 is the root;
/// - the first child of a container at index `i` is at `i + 1`;
/// - a container's `link` is the index just past its whole subtree, so siblings are reached by skipping;
///   scalars have no children, their next sibling is simply `i + 1`;
/// - an object's children alternate key (always a string entry), value;
/// - `start..<end` are the value's bytes (strings include the quotes, containers the brackets).
struct TapeEntry: Sendable {
    var start: UInt32
    var end: UInt32
    /// Containers: index just past the subtree. Unused (0) for scalars.
    var link: UInt32
    /// Bits 0–2: `TapeKind`; bit 3: `hasEscapes` (strings) / `isIntegerSyntax` (numbers); bits 4…: member or
    /// element count (containers).
    var info: UInt32

    static let flagBit: UInt32 = 8
    static let countShift: UInt32 = 4
    static let maxCount: UInt32 = (1 << 28) - 1

    @inline(__always) var kind: TapeKind { TapeKind(rawValue: info & 7) ?? .null }
    @inline(__always) var flag: Bool { info & TapeEntry.flagBit != 0 }
    @inline(__always) var count: Int { Int(info >> TapeEntry.countShift) }
    @inline(__always) var isContainer: Bool { info & 7 >= TapeKind.array.rawValue }
}

/// Kinds as stored on the tape: booleans are split so that reading one needs no second look at the bytes.
enum TapeKind: UInt32, Sendable {
    case null = 0, falseValue = 1, trueValue = 2, number = 3, string = 4, array = 5, object = 6

    var publicKind: JSONKind {
        switch self {
        case .null: .null
        case .falseValue, .trueValue: .bool
        case .number: .number
        case .string: .string
        case .array: .array
        case .object: .object
        }
    }
}

/// A parsed document's immutable storage, shared by every `JSONNode` of it.
final class JSONStorage: Sendable {
    let bytes: [UInt8]
    let tape: [TapeEntry]

    init(bytes: [UInt8], tape: [TapeEntry]) {
        self.bytes = bytes
        self.tape = tape
    }

    /// The index of the next sibling of the entry at `index`.
    @inline(__always) func next(after index: Int) -> Int {
        let entry = tape[index]
        return entry.isContainer ? Int(entry.link) : index + 1
    }
}
