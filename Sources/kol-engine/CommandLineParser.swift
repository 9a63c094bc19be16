import RPC

/// A command-line mistake, reported with exit status 2.
struct UsageError: Error, Equatable {
    var message: String
}

/// Turns arguments into a `Command`. Pure (no I/O) so it is easy to extend and to reason about.
enum CommandLineParser {
    static func parse(_ arguments: [String]) -> Result<Command, UsageError> {
        if arguments.contains("--help") || arguments.contains("-h") { return .success(.help) }
        if arguments.contains("--version") { return .success(.version) }
        guard let first = arguments.first else { return .success(.serve(ServeOptions())) }
        switch first {
        case "serve":
            return parseServe(Array(arguments.dropFirst()))
        case "check":
            let files = Array(arguments.dropFirst())
            if files.isEmpty { return .failure(UsageError(message: "check needs at least one FILE")) }
            return .success(.check(files: files))
        case "demo":
            if arguments.count > 1 { return .failure(UsageError(message: "demo takes no arguments")) }
            return .success(.demo)
        case "help":
            return .success(.help)
        default:
            if first.hasPrefix("-") { return parseServe(arguments) }
            return .failure(UsageError(message: "unknown command '\(first)'"))
        }
    }

    /// `serve` options: `--lines`, `--lsp`, `--max-message-bytes N` (or `=N`), `--allow-path DIR` (or `=DIR`,
    /// repeatable).
    private static func parseServe(_ arguments: [String]) -> Result<Command, UsageError> {
        var options = ServeOptions()
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            switch argument {
            case "--lines": options.framing = .lines
            case "--lsp": options.framing = .lsp
            case "--allow-path":
                guard index < arguments.count, !arguments[index].isEmpty else {
                    return .failure(UsageError(message: "--allow-path needs a folder"))
                }
                options.allowedPaths.append(arguments[index])
                index += 1
            case "--max-message-bytes":
                guard index < arguments.count else {
                    return .failure(UsageError(message: "--max-message-bytes needs a value"))
                }
                guard let bytes = positiveInteger(arguments[index]) else {
                    return .failure(UsageError(message: "--max-message-bytes: '\(arguments[index])' is not a positive integer"))
                }
                options.maxMessageBytes = bytes
                index += 1
            default:
                if argument.hasPrefix("--allow-path="), argument.count > "--allow-path=".count {
                    options.allowedPaths.append(String(argument.dropFirst("--allow-path=".count)))
                } else if argument.hasPrefix("--max-message-bytes=") {
                    let value = String(argument.dropFirst("--max-message-bytes=".count))
                    guard let bytes = positiveInteger(value) else {
                        return .failure(UsageError(message: "--max-message-bytes: '\(value)' is not a positive integer"))
                    }
                    options.maxMessageBytes = bytes
                } else {
                    return .failure(UsageError(message: "unknown option '\(argument)'"))
                }
            }
        }
        return .success(.serve(options))
    }

    private static func positiveInteger(_ text: String) -> Int? {
        guard let value = Int(text), value > 0 else { return nil }
        return value
    }
}
