/// An ordered JSON object: members keep insertion order (so output is deterministic and matches the source),
/// keys are unique. Lookups scan small objects and use a hash index once an object grows past
/// `JSONObject.indexThreshold` members (the index is built incrementally as members are added).
///
/// Keys are compared by their UTF-8 bytes, not by Swift's canonical-equivalence `==`: `"é"` (NFC) and
/// `"e\u{301}"` (NFD) are different keys, as in the source text and in `JSONNode` lookups.
public struct JSONObject: Hashable, Sendable, ExpressibleByDictionaryLiteral {
    struct Member: Sendable {
        var key: String
        var value: JSONValue
    }

    private(set) var storage: [Member] = []
    /// Key → position in `storage`; nil while the object is small.
    private var index: [ByteKey: Int]?

    static let indexThreshold = 16

    public init() {}

    init(minimumCapacity: Int) {
        storage.reserveCapacity(minimumCapacity)
    }

    /// For members already known to have distinct keys (the materialiser checked).
    init(uniqueMembers: [Member]) {
        storage = uniqueMembers
        rebuildIndex()
    }

    /// From parsed members that may repeat keys: last value wins, at the first key's position.
    init(sourceMembers: [Member]) {
        storage.reserveCapacity(sourceMembers.count)
        for member in sourceMembers { setFromSource(member.key, member.value) }
    }

    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        storage.reserveCapacity(elements.count)
        for (key, value) in elements { self[key] = value }
    }

    public var keys: [String] { storage.map(\.key) }
    public var count: Int { storage.count }
    public var isEmpty: Bool { storage.isEmpty }

    /// Reading finds the member; setting replaces a value in place, appends a new key at the end, and setting
    /// nil removes the member.
    public subscript(key: String) -> JSONValue? {
        get { position(of: key).map { storage[$0].value } }
        set {
            if let at = position(of: key) {
                if let newValue {
                    storage[at].value = newValue
                } else {
                    storage.remove(at: at)
                    rebuildIndex()
                }
            } else if let newValue {
                append(key, newValue)
            }
        }
    }

    public var members: [(key: String, value: JSONValue)] { storage.map { ($0.key, $0.value) } }

    /// Used when materialising parsed objects: last value wins, at the first key's position.
    mutating func setFromSource(_ key: String, _ value: JSONValue) {
        if let at = position(of: key) {
            storage[at].value = value
        } else {
            append(key, value)
        }
    }

    private mutating func append(_ key: String, _ value: JSONValue) {
        storage.append(Member(key: key, value: value))
        if index != nil {
            index?[ByteKey(key)] = storage.count - 1
        } else if storage.count > JSONObject.indexThreshold {
            rebuildIndex()
        }
    }

    private mutating func rebuildIndex() {
        guard storage.count > JSONObject.indexThreshold else {
            index = nil
            return
        }
        var built: [ByteKey: Int] = [:]
        built.reserveCapacity(storage.count)
        for (at, member) in storage.enumerated() { built[ByteKey(member.key)] = at }
        index = built
    }

    private func position(of key: String) -> Int? {
        if let index { return index[ByteKey(key)] }
        return storage.firstIndex { $0.key.utf8.elementsEqual(key.utf8) }
    }

    /// Equal when the same keys (byte-wise) map to equal values in the same order.
    /// Copies of one object share their storage: then they are equal without comparing members (red-flag
    /// evidence is compared for every KOL on each editor keystroke).
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.storage.count == rhs.storage.count else { return false }
        let shared = lhs.storage.withUnsafeBufferPointer { a in
            rhs.storage.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress }
        }
        return shared
            || zip(lhs.storage, rhs.storage).allSatisfy { $0.key.utf8.elementsEqual($1.key.utf8) && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.count)
        for member in storage {
            hasher.combine(ByteKey(member.key))
            hasher.combine(member.value)
        }
    }
}

/// A `String` hashed and compared by its UTF-8 bytes (see `JSONObject`).
struct ByteKey: Hashable, Sendable {
    let string: String

    init(_ string: String) { self.string = string }

    static func == (lhs: ByteKey, rhs: ByteKey) -> Bool { lhs.string.utf8.elementsEqual(rhs.string.utf8) }

    func hash(into hasher: inout Hasher) {
        var copy = string
        copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
