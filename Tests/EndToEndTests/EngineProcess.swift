import Foundation

/// The built `kol-engine` binary: `$KOL_ENGINE`, else `<repo>/.build/debug/kol-engine` (CI runs
/// `swift build` before `swift test`).
let engineURL: URL = {
    if let path = ProcessInfo.processInfo.environment["KOL_ENGINE"] { return URL(fileURLWithPath: path) }
    let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    return repo.appendingPathComponent(".build/debug/kol-engine")
}()

struct EngineRun {
    var status: Int32
    var stdout: [UInt8]
    var stderr: String
    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
}

enum EngineError: Error { case notBuilt(String), didNotExit }

/// Runs kol-engine with `arguments`, writes `input` to its stdin over a pipe, and (unless
/// `closeInput` is false) closes stdin. Waits for the process to end; a process still running after a
/// generous grace period is killed and reported, so a hang fails instead of blocking the suite.
func runEngine(_ arguments: [String], input: [UInt8] = [], closeInput: Bool = true) throws -> EngineRun {
    guard FileManager.default.isExecutableFile(atPath: engineURL.path) else {
        throw EngineError.notBuilt("no kol-engine at \(engineURL.path): run `swift build` first")
    }
    let process = Process()
    process.executableURL = engineURL
    process.arguments = arguments
    let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    let output = OutputCollector(stdout.fileHandleForReading)
    let errors = OutputCollector(stderr.fileHandleForReading)
    if !input.isEmpty { stdin.fileHandleForWriting.write(Data(input)) }
    if closeInput { try stdin.fileHandleForWriting.close() }
    var waited = 0
    while process.isRunning && waited < 3000 {
        usleep(10_000)
        waited += 1
    }
    if process.isRunning {
        process.terminate()
        throw EngineError.didNotExit
    }
    process.waitUntilExit()
    if !closeInput { try? stdin.fileHandleForWriting.close() }
    return EngineRun(status: process.terminationStatus, stdout: output.finish(),
                     stderr: String(decoding: errors.finish(), as: UTF8.self))
}

/// Drains a pipe on a background thread so a chatty process never blocks on a full pipe.
final class OutputCollector: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)
    init(_ handle: FileHandle) {
        Thread {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }.start()
    }
    func finish() -> [UInt8] {
        done.wait()
        return [UInt8](data)
    }
}

func frame(_ body: String) -> String { "Content-Length: \(body.utf8.count)\r\n\r\n\(body)" }

/// The two framings the engine speaks, as the test harnesses write them.
enum EngineFraming {
    case lines, lsp

    /// One message body framed: a line, or a `Content-Length` header and the body.
    func frame(_ body: [UInt8]) -> [UInt8] {
        switch self {
        case .lines: body + [10]
        case .lsp: Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
        }
    }
}

/// Splits LSP-framed output into bodies (a test-side reader, independent of the engine's own).
func unframe(_ output: [UInt8]) -> [String] {
    var bodies: [String] = []
    var text = Substring(String(decoding: output, as: UTF8.self))
    while let headerEnd = text.range(of: "\r\n\r\n") {
        let header = text[..<headerEnd.lowerBound]
        guard let length = Int(header.replacingOccurrences(of: "Content-Length: ", with: "")) else { break }
        let bodyBytes = Array(text[headerEnd.upperBound...].utf8.prefix(length))
        bodies.append(String(decoding: bodyBytes, as: UTF8.self))
        text = Substring(String(decoding: Array(text[headerEnd.upperBound...].utf8.dropFirst(length)), as: UTF8.self))
    }
    return bodies
}
