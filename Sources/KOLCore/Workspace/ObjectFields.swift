import JSON

/// The known fields of one kind of object (a KOL, a post, a fan, a follower-history point), as an enum whose
/// raw values are the JSON names: `JSONFieldReader.members(of:extra:_:)` matches keys to them by their
/// bytes (see `JSONKeyTable`), so the hot decoders switch over cases, not over key strings.
protocol ObjectFields: RawRepresentable<String>, CaseIterable, Sendable {
    static var table: FieldTable<Self> { get }
}

/// A field enum's cases with their names as a key table, built once per enum.
struct FieldTable<Field: ObjectFields>: Sendable {
    let keys: JSONKeyTable
    /// `keys.names[i]` is `cases[i].rawValue` (`allCases` would build a new array per lookup).
    let cases: [Field]

    init() {
        cases = Array(Field.allCases)
        keys = JSONKeyTable(cases.map(\.rawValue))
    }
}

/// A KOL's top-level fields.
enum KOLField: String, ObjectFields {
    case id, name, platform, stars, followers, createdAt, verified, price, topics, followerHistory,
         followerRegions, posts, channels, fanSample, campaigns, relationship
    static let table = FieldTable<KOLField>()
}

/// A post's fields.
enum PostField: String, ObjectFields {
    case id, at, text, reposts, comments, likes, kolReplies, isRepost, topics
    static let table = FieldTable<PostField>()
}

/// A sampled fan's fields.
enum FanField: String, ObjectFields {
    case id, followers, following, posts, createdAt, avatar, bio, location, verified, lastPostAt, reposts, links
    static let table = FieldTable<FanField>()
}

/// A follower-history point's fields.
enum FollowerCountField: String, ObjectFields {
    case date, followers
    static let table = FieldTable<FollowerCountField>()
}

extension JSONFieldReader {
    /// Walks an object's members like `members(of:extra:_:)`, with `field` called for the keys `Field`
    /// names (it returns whether it accepted the value); other keys, and rejected non-null values, are
    /// kept as written in `extra`.
    mutating func members<Field: ObjectFields>(of node: JSONNode, extra: inout JSONObject,
                                               _ field: (inout JSONFieldReader, Field, JSONNode) -> Bool) {
        let table = Field.table
        node.forEachMember(in: table.keys) { key, value in
            switch key {
            case .known(let position):
                let name = table.keys.names[position]
                let accepted = within(name) { r in
                    r.record(value)
                    return field(&r, table.cases[position], value)
                }
                if !accepted, !value.isNull { extra[name] = value.value() }  // rejected: kept for the user to fix
            case .other(let name):
                within(name) { $0.record(value) }
                extra[name] = value.value()  // unknown field: kept, never an error
            }
        }
    }
}
