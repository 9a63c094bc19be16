import Foundation
import JSON
import KOLCore
import RPC
@testable import Server

/// Calls the real registered handlers in-process (no transport): the server built by `Server.standard`,
/// its method table, a fresh session. Published notifications are collected.
final class WorkspaceHarness: @unchecked Sendable {
    let server: Server
    /// Catches what the server sends by itself (`textDocument/publishDiagnostics`), one message per line.
    private let sink = MemorySink()
    private let lock = NSLock()
    private var notes: [(method: String, params: JSONValue)] = []

    init(allowedPaths: [String] = [], initialize: JSONValue? = nil, encoding: PositionEncoding = .utf16) {
        server = Server.standard(configuration: ServerConfiguration(), allowedPaths: allowedPaths)
        if let initialize { server.session.initializeParams = initialize }
        server.session.positionEncoding = encoding
        server.install(MessageWriter(sink: sink, framing: .lines))
    }

    /// Notifications sent through a handler's context (progress) and through the server (diagnostics).
    var notifications: [(method: String, params: JSONValue)] {
        server.currentWriter()?.flush()
        var sent: [(method: String, params: JSONValue)] = []
        for line in sink.bytes.split(separator: UInt8(ascii: "\n")) {
            guard let document = try? JSONDocument(bytes: Array(line)), let method = document.root["method"]?.string else { continue }
            sent.append((method, document.root["params"]?.value() ?? .null))
        }
        lock.lock()
        defer { lock.unlock() }
        return notes + sent
    }

    var published: [JSONValue] {
        notifications.filter { $0.method == "textDocument/publishDiagnostics" }.map(\.params)
    }

    private func context(_ method: String, _ params: String, token: CancellationToken) throws -> RequestContext {
        let document = try JSONDocument(bytes: Array(params.utf8))
        return RequestContext(method: method, id: RequestID(1), paramsNode: document.root, session: server.session,
                              token: token, output: { [self] method, params in
                                  lock.lock()
                                  notes.append((method, params))
                                  lock.unlock()
                              })
    }

    /// Runs a request handler; returns its result or throws its error (an `RPCError` for chosen codes).
    func call(_ method: String, _ params: String = "{}", cancelled: Bool = false) async throws -> JSONValue {
        guard let registration = server.registration(for: method), case .request(let handler) = registration.kind else {
            throw RPCError.methodNotFound(method)
        }
        let token = CancellationToken()
        if cancelled { token.cancel() }
        return try await handler(try context(method, params, token: token))
    }

    /// Runs a notification handler (document sync).
    func notify(_ method: String, _ params: String) async throws {
        guard let registration = server.registration(for: method), case .notification(let handler) = registration.kind else {
            throw RPCError.methodNotFound(method)
        }
        try await handler(try context(method, params, token: CancellationToken()))
    }

    /// Error code of a failing call, nil when it succeeded.
    func errorCode(_ method: String, _ params: String) async -> Int? {
        do {
            _ = try await call(method, params)
            return nil
        } catch let error as RPCError {
            return error.code
        } catch {
            return -1
        }
    }

    func rpcError(_ method: String, _ params: String) async -> RPCError? {
        do {
            _ = try await call(method, params)
            return nil
        } catch {
            return error as? RPCError
        }
    }
}

/// A fresh temporary folder (resolved through symlinks, as the path policy compares real paths).
func makeTemporaryFolder() throws -> String {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("kol-server-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
    return PathPolicy.resolveExisting(base.path) ?? base.path
}

/// The repository root, from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

extension JSONValue {
    var int: Int64? { if case .int(let v) = self { return v } else { return nil } }
    var string: String? { if case .string(let v) = self { return v } else { return nil } }
    var bool: Bool? { if case .bool(let v) = self { return v } else { return nil } }
    var array: [JSONValue] { if case .array(let v) = self { return v } else { return [] } }
}

/// JSON-escapes text for building params by hand.
func quoted(_ text: String) -> String { JSONValue.string(text).serializedString }
