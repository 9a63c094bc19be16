/// Placeholder: transport round trips vs a raw framed echo. Replaced by the issue that owns it.
enum TransportBench {
    static func run(_ arguments: [String]) { print("TransportBench: not yet implemented") }
}
