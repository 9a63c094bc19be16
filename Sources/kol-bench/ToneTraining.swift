/// Placeholder: retrains the tone model. Replaced by the issue that owns it.
enum ToneTraining {
    static func run(_ arguments: [String]) { print("ToneTraining: not yet implemented") }
}
