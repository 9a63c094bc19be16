import Foundation
import RPC

#if canImport(Glibc)
import Glibc
#endif

/// `kol-bench transport`: the cost of a JSON-RPC round trip through the real `kol-engine` binary over
/// pipes, next to the floor: `kol-bench echo-server`, which frames and echoes bytes back over the same
/// kind of pipes with the same framing code and does nothing else. Both children are driven the same way
/// and alternated in rounds, so machine noise hits both; the ratios are what compare between runs.
///
/// Targets (issue 2): sequential mean round trip ≤ 1.3× the echo floor; pipelined ≥ 100k requests/s.
enum TransportBench {
    static func run(_ arguments: [String]) {
        let rounds = intOption("--rounds", arguments) ?? 5
        let sequential = intOption("--requests", arguments) ?? 5000
        let pipelined = intOption("--pipelined", arguments) ?? 100_000
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let engine = ProcessInfo.processInfo.environment["KOL_ENGINE"] ?? directory.appendingPathComponent("kol-engine").path
        let bench = directory.appendingPathComponent("kol-bench").path
        guard FileManager.default.isExecutableFile(atPath: engine) else {
            print("transport: no kol-engine at \(engine); build it first (swift build -c release)")
            return
        }
        print("transport: kol/ping round trips over pipes (\(rounds) rounds × \(sequential) sequential, \(pipelined) pipelined)")
        var echoMeans: [Double] = [], engineMeans: [Double] = []
        var echoRates: [Double] = [], engineRates: [Double] = []
        for _ in 0..<rounds {
            for (path, args, isEngine) in [(bench, ["echo-server"], false), (engine, ["serve", "--lsp"], true)] {
                guard let child = Child(path: path, arguments: args) else {
                    print("transport: could not start \(path)")
                    return
                }
                child.roundTrip(id: 0, method: "initialize")
                let mean = child.sequentialMean(count: sequential)
                let rate = child.pipelinedRate(count: pipelined)
                child.stop()
                if isEngine { engineMeans.append(mean); engineRates.append(rate) } else { echoMeans.append(mean); echoRates.append(rate) }
            }
        }
        let floor = median(echoMeans), ours = median(engineMeans)
        let floorRate = median(echoRates), ourRate = median(engineRates)
        print(String(format: "  sequential round trip: kol-engine %.1f µs, echo floor %.1f µs, ratio %.2f× (target ≤ 1.30×)",
                     ours, floor, ours / floor))
        print(String(format: "  pipelined: kol-engine %.0f req/s, echo floor %.0f req/s, ratio %.2f (target ≥ 100000 req/s)",
                     ourRate, floorRate, ourRate / floorRate))
    }

    private static func intOption(_ name: String, _ arguments: [String]) -> Int? {
        guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
        return Int(arguments[index + 1])
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
}

/// A child process driven over LSP-framed pipes.
private final class Child: @unchecked Sendable {
    private let process = Process()
    private let input: FileHandle
    private var reader: LSPFrameReader<FileDescriptorSource>
    private let outputPipe: Pipe

    init?(path: String, arguments: [String]) {
        let stdin = Pipe(), stdout = Pipe()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardInput = stdin
        process.standardOutput = stdout
        do { try process.run() } catch { return nil }
        input = stdin.fileHandleForWriting
        outputPipe = stdout
        reader = LSPFrameReader(reader: ByteReader(source: FileDescriptorSource(fd: stdout.fileHandleForReading.fileDescriptor)))
    }

    static func request(id: Int, method: String = "kol/ping") -> [UInt8] {
        let body = #"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":{"n":\#(id)}}"#
        return Array("Content-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8)
    }

    @discardableResult
    func roundTrip(id: Int, method: String = "kol/ping") -> Bool {
        write(Child.request(id: id, method: method))
        if case .message = reader.next() { return true }
        return false
    }

    /// Mean microseconds per sequential round trip (after a warm-up).
    func sequentialMean(count: Int) -> Double {
        for id in 1...200 { roundTrip(id: id) }
        let start = DispatchTime.now().uptimeNanoseconds
        for id in 0..<count { roundTrip(id: 1000 + id) }
        let elapsed = DispatchTime.now().uptimeNanoseconds - start
        return Double(elapsed) / Double(count) / 1000
    }

    /// Requests per second with a writer thread streaming requests while this thread reads responses.
    func pipelinedRate(count: Int) -> Double {
        var bytes: [UInt8] = []
        for id in 0..<count { bytes.append(contentsOf: Child.request(id: 10_000_000 + id)) }
        let batch = bytes
        let start = DispatchTime.now().uptimeNanoseconds
        let writer = Thread { [self] in write(batch) }
        writer.start()
        var received = 0
        while received < count, case .message = reader.next() { received += 1 }
        let elapsed = DispatchTime.now().uptimeNanoseconds - start
        return Double(received) / (Double(elapsed) / 1e9)
    }

    private func write(_ bytes: [UInt8]) {
        let fd = input.fileDescriptor
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count, let base = raw.baseAddress {
                let n = Glibc.write(fd, base + offset, raw.count - offset)
                if n <= 0 { return }
                offset += n
            }
        }
    }

    func stop() {
        let exit = #"{"jsonrpc":"2.0","method":"exit"}"#
        write(Array("Content-Length: \(exit.utf8.count)\r\n\r\n\(exit)".utf8))
        try? input.close()
        process.waitUntilExit()
    }
}

/// `kol-bench echo-server`: reads LSP frames on stdin and writes each body back framed: the floor a
/// JSON-RPC server over pipes cannot beat. Stops at EOF or at the exact `exit` notification the bench
/// sends (compared as whole bytes, so the floor pays nothing per message for it).
enum EchoServer {
    static func run(_ arguments: [String]) {
        let writer = MessageWriter(sink: FileDescriptorSink(fd: 1), framing: .lsp)
        var frames = LSPFrameReader(reader: ByteReader(source: FileDescriptorSource(fd: 0)))
        frames.setWillRead { writer.flush() }
        let exitMessage = Array(#"{"jsonrpc":"2.0","method":"exit"}"#.utf8)
        while case .message(let body) = frames.next() {
            if body.count == exitMessage.count && body == exitMessage { break }
            writer.send(body, deferFlush: true)
        }
        writer.flush()
    }
}
