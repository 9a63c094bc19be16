/// Placeholder: retrains the fan-audit model. Replaced by the issue that owns it.
enum FanTraining {
    static func run(_ arguments: [String]) { print("FanTraining: not yet implemented") }
}
