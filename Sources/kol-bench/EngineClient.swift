import Foundation
import JSON
import RPC

/// The real `kol-engine` binary (next to this `kol-bench`) over pipes in `--lines` mode: what a script
/// client sees, so the scale figures include transport, dispatch and JSON on both sides.
final class EngineClient {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var buffer: [UInt8] = []
    /// Bytes of `buffer` already known to hold no newline. Why: a publishDiagnostics message of a 10^4-KOL
    /// document is megabytes long and arrives in 64 KiB chunks; scanning from the start after every
    /// chunk made the client's reading quadratic and part of every timed edit.
    private var scanned = 0
    private var scratch = [UInt8](repeating: 0, count: 4 << 20)
    private var nextID = 1

    /// Starts the engine and completes `initialize` with `root` as the only workspace folder.
    init(root: String) throws {
        let here = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        process.executableURL = here.appendingPathComponent("kol-engine")
        process.arguments = ["serve", "--lines"]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The engine grows its own pipes too; asking from this side as well covers an older engine.
        PipeCapacity.grow(input.fileHandleForWriting.fileDescriptor)
        PipeCapacity.grow(output.fileHandleForReading.fileDescriptor)
        _ = try request("initialize", ["processId": .null, "rootUri": .string("file://" + root), "capabilities": [:]])
        notify("initialized", [:])
    }

    var pid: Int32 { process.processIdentifier }

    func notify(_ method: String, _ params: JSONValue) {
        var message: JSONObject = ["jsonrpc": "2.0", "method": .string(method)]
        if params != .null { message["params"] = params }
        send(.object(message))
    }

    /// Sends a request and returns its `result`, passing over notifications.
    func request(_ method: String, _ params: JSONValue) throws -> JSONValue {
        let id = nextID
        nextID += 1
        var message: JSONObject = ["jsonrpc": "2.0", "id": .int(Int64(id)), "method": .string(method)]
        if params != .null { message["params"] = params }
        send(.object(message))
        while true {
            let message = try readMessage()
            if message["id"] == .int(Int64(id)) {
                if let error = message["error"] { throw BenchError("\(method) failed: \(error.serializedString)") }
                return message["result"] ?? .null
            }
        }
    }

    func send(_ message: JSONValue) {
        if ProcessInfo.processInfo.environment["KOL_BENCH_TRACE"] != nil { FileHandle.standardError.write(Data(("→ " + message.serializedString.prefix(200) + "\n").utf8)) }
        var bytes = message.serialized()
        bytes.append(UInt8(ascii: "\n"))
        input.fileHandleForWriting.write(Data(bytes))
    }

    func readMessage() throws -> JSONValue {
        try JSONDocument(bytes: try readLine()).root.value()
    }

    /// Reads raw message lines until one satisfies `match`, without parsing any of them. Why: a 10^4-KOL
    /// document's `publishDiagnostics` is ~20 MB; the edit figure times the engine until the message has
    /// arrived whole, and this client's own parse of it (~0.1–0.3 s) is reported apart.
    func waitForLine(_ match: ([UInt8]) -> Bool) throws -> [UInt8] {
        while true {
            let line = try readLine()
            if match(line) { return line }
        }
    }

    /// The next non-empty line the engine wrote (one message in `--lines` mode).
    func readLine() throws -> [UInt8] {
        while true {
            if let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                scanned = 0
                if line.isEmpty { continue }
                return line
            }
            scanned = buffer.count
            // read(2) into one reused 4 MiB scratch buffer: a 20 MB message costs a handful of reads and no
            // intermediate `Data` per 64 KiB.
            let fd = output.fileHandleForReading.fileDescriptor
            var got = 0
            scratch.withUnsafeMutableBytes { raw in
                guard let base = raw.baseAddress else { return }
                repeat { got = read(fd, base, raw.count) } while got < 0 && errno == EINTR
            }
            if got <= 0 { throw BenchError("kol-engine closed its output") }
            buffer.append(contentsOf: scratch[..<got])
        }
    }

    /// Peak resident set (VmHWM) of the engine in bytes, from /proc.
    var peakRSS: Int { ProcStatus.kilobytes("VmHWM", pid: pid) * 1024 }
    var currentRSS: Int { ProcStatus.kilobytes("VmRSS", pid: pid) * 1024 }

    /// `shutdown`, `exit`, then end of input; an engine that does not leave within 5 s is terminated.
    func stop() {
        _ = try? request("shutdown", .null)
        notify("exit", .null)
        try? input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Reads `/proc/PID/status` fields (Linux); 0 where there is no /proc.
enum ProcStatus {
    static func kilobytes(_ field: String, pid: Int32) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
            return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        }
        return 0
    }
}
