import Foundation
import JSON

/// The real `kol-engine` binary as a child process over pipes, for the workspace, document and save
/// end-to-end tests. Messages go out in the chosen framing; everything the engine writes is collected by
/// a reader thread and split into messages.
final class WorkspaceEngineProcess: @unchecked Sendable {
    typealias Mode = EngineFraming

    let process = Process()
    let mode: Mode
    private let stdin = Pipe()
    private let stdout = Pipe()
    private let condition = NSCondition()
    private var buffer: [UInt8] = []
    private var messages: [JSONDocument] = []
    private var ended = false
    private var nextID = 1

    /// The binary: `$KOL_ENGINE`, else `<repo>/.build/debug/kol-engine` (built by `swift test`).
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["KOL_ENGINE"], !path.isEmpty { return path }
        return repositoryRootPath + "/.build/debug/kol-engine"
    }

    static let repositoryRootPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// Starts `process` as `kol-engine serve` in `mode` over the two pipes (stderr discarded): the one
    /// launch both engine harnesses (this and `AbuseEngine`) share.
    static func launch(_ process: Process, mode: Mode, arguments: [String], directory: String?,
                       input: Pipe, output: Pipe) throws {
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["serve", mode == .lines ? "--lines" : "--lsp"] + arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    init(mode: Mode = .lines, arguments: [String] = [], directory: String? = nil) throws {
        self.mode = mode
        try Self.launch(process, mode: mode, arguments: arguments, directory: directory, input: stdin, output: stdout)
        let handle = stdout.fileHandleForReading
        Thread.detachNewThread { [self] in
            while true {
                let data = handle.availableData
                condition.lock()
                if data.isEmpty {
                    ended = true
                } else {
                    buffer += data
                    splitMessages()
                }
                condition.broadcast()
                condition.unlock()
                if data.isEmpty { return }
            }
        }
    }

    /// Caller holds the condition lock.
    private func splitMessages() {
        while true {
            switch mode {
            case .lines:
                guard let newline = buffer.firstIndex(of: 10) else { return }
                let line = Array(buffer[..<newline])
                buffer.removeFirst(newline + 1)
                if let document = try? JSONDocument(bytes: line) { messages.append(document) }
            case .lsp:
                let separator: [UInt8] = Array("\r\n\r\n".utf8)
                guard let end = firstIndex(of: separator) else { return }
                let header = String(decoding: buffer[..<end], as: UTF8.self)
                let length = header.split(separator: "\r\n").compactMap { line -> Int? in
                    let parts = line.split(separator: ":", maxSplits: 1)
                    guard parts.count == 2, parts[0].lowercased() == "content-length" else { return nil }
                    return Int(parts[1].trimmingCharacters(in: .whitespaces))
                }.first ?? 0
                guard buffer.count >= end + 4 + length else { return }
                let body = Array(buffer[(end + 4)..<(end + 4 + length)])
                buffer.removeFirst(end + 4 + length)
                if let document = try? JSONDocument(bytes: body) { messages.append(document) }
            }
        }
    }

    private func firstIndex(of pattern: [UInt8]) -> Int? {
        guard buffer.count >= pattern.count else { return nil }
        for start in 0...(buffer.count - pattern.count) where Array(buffer[start..<(start + pattern.count)]) == pattern {
            return start
        }
        return nil
    }

    /// Writes one message (a JSON text) in the session's framing.
    func send(_ json: String) {
        stdin.fileHandleForWriting.write(Data(mode.frame(Array(json.utf8))))
    }

    /// Sends a request and waits for its response; returns the whole response message.
    @discardableResult
    func request(_ method: String, _ params: String = "{}") -> JSONNode? {
        let id = nextID
        nextID += 1
        send(#"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":\#(params)}"#)
        return next { $0["id"]?.int == Int64(id) }
    }

    func notify(_ method: String, _ params: String) {
        send(#"{"jsonrpc":"2.0","method":"\#(method)","params":\#(params)}"#)
    }

    /// The next not yet consumed message matching `predicate` (earlier non-matching ones stay
    /// available), or nil when the engine ended or 60 s passed: a safety net against hanging, not a timing
    /// assertion.
    func next(where predicate: (JSONNode) -> Bool) -> JSONNode? {
        let deadline = Date().addingTimeInterval(60)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let index = messages.firstIndex(where: { predicate($0.root) }) {
                let found = messages[index]
                messages.remove(at: index)
                return found.root
            }
            if ended || !condition.wait(until: deadline) { return nil }
        }
    }

    func closeInput() { try? stdin.fileHandleForWriting.close() }

    func kill9() { kill(process.processIdentifier, SIGKILL) }

    /// Ends the engine politely (shutdown, exit) and waits for it.
    func finish() {
        if process.isRunning {
            request("shutdown", "null")
            notify("exit", "null")
            closeInput()
        }
        process.waitUntilExit()
    }
}

extension JSONNode {
    /// The node re-serialized compactly, for comparing whole results.
    var json: String { value().serializedString }
}

func workspaceQuoted(_ text: String) -> String { JSONValue.string(text).serializedString }

func workspaceTemporaryFolder() throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("kol-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    guard let resolved = realpath(url.path, nil) else { return url.path }
    defer { free(resolved) }
    return String(cString: resolved)
}
