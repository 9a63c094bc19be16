/// Placeholder: JSON parse/serialize vs Foundation. Replaced by the issue that owns it.
enum JSONBench {
    static func run(_ arguments: [String]) { print("JSONBench: not yet implemented") }
}
