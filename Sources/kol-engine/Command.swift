import RPC

/// One thing `kol-engine` can be asked to do. New commands (`demo`, …) add a case here, a branch in
/// `CommandLineParser`, and their own `…Command.swift` file.
enum Command: Equatable {
    case serve(ServeOptions)
    case check(files: [String])
    case demo
    case help
    case version

    /// Runs the command; returns the process exit status.
    func run() -> Int32 {
        switch self {
        case .serve(let options): return ServeCommand.run(options)
        case .check(let files): return CheckCommand.run(files: files)
        case .demo: return DemoCommand.run()
        case .help:
            print(HelpText.usage)
            return 0
        case .version:
            print(VersionText.line)
            return 0
        }
    }
}

/// Options of `kol-engine serve`.
struct ServeOptions: Equatable {
    /// nil: detect from the first byte of input.
    var framing: Framing?
    var maxMessageBytes: Int = defaultMaxMessageBytes
    /// `--allow-path DIR` (repeatable): folders `kol/load` and `kol/save` may use besides the client's
    /// workspace folders.
    var allowedPaths: [String] = []
}
