import JSON

/// A KOL's field ranges by path (`followers`, `posts[2].at`): a short list for a bulk load, which keeps
/// the dozen top-level fields only, a dictionary for an editor document, which keeps every value.
///
/// Why two forms: at 10^5 KOLs a dictionary per KOL was ~600 bytes to 1 KB of memory (page faults are a
/// quarter of a large load's time) and a dozen hashed inserts, for a table that is read a few times
/// per red flag. A dozen entries are found as fast by a scan.
struct FieldRangeTable: Equatable, Sendable {
    struct Entry: Equatable, Sendable {
        var path: String
        var range: SourceRange
    }

    private enum Storage: Sendable {
        /// Unique paths, in the order first recorded.
        case list([Entry])
        case table([String: SourceRange])
    }

    private var storage: Storage

    init(_ table: [String: SourceRange] = [:]) { storage = .table(table) }

    init(list: [Entry]) { storage = .list(list) }

    subscript(path: String) -> SourceRange? {
        switch storage {
        case .table(let table): return table[path]
        case .list(let list): return list.first { $0.path == path }?.range
        }
    }

    var count: Int {
        switch storage {
        case .table(let table): table.count
        case .list(let list): list.count
        }
    }

    var dictionary: [String: SourceRange] {
        switch storage {
        case .table(let table): return table
        case .list(let list):
            var table = [String: SourceRange](minimumCapacity: list.count)
            for entry in list { table[entry.path] = entry.range }
            return table
        }
    }

    /// Equal when they map the same paths to the same ranges, whatever their form.
    static func == (lhs: FieldRangeTable, rhs: FieldRangeTable) -> Bool {
        switch (lhs.storage, rhs.storage) {
        case (.table(let a), .table(let b)):
            return a == b
        case (.list(let a), .list(let b)):
            return a.count == b.count && a.allSatisfy { entry in b.contains(entry) }
        default:
            return lhs.dictionary == rhs.dictionary
        }
    }
}

extension [FieldRangeTable.Entry] {
    /// Records `range` at `path`, replacing an earlier range of the same path (a repeated key: the last
    /// one counts, as in a dictionary).
    mutating func record(_ path: String, _ range: SourceRange) {
        if let index = firstIndex(where: { $0.path == path }) {
            self[index].range = range
        } else {
            append(FieldRangeTable.Entry(path: path, range: range))
        }
    }
}
