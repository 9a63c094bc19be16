/// Placeholder: tone profiling throughput. Replaced by the issue that owns it.
enum ToneBench {
    static func run(_ arguments: [String]) { print("ToneBench: not yet implemented") }
}
