import Foundation
import JSON
import RPC

/// A request handler: gets its context, returns the `result` value or throws (`RPCError` for a chosen
/// code; `JSONDecodingError` becomes -32602; anything else -32603).
public typealias RequestHandler = @Sendable (RequestContext) async throws -> JSONValue
/// A notification handler: never answered; a thrown error is only logged to stderr.
public typealias NotificationHandler = @Sendable (RequestContext) async throws -> Void

/// The JSON-RPC server: the method table, the LSP lifecycle and the dispatch of messages to handlers.
///
/// Other layers add methods before `run`:
/// ```
/// server.register("kol/get", access: .read) { ctx in
///     let params = try ctx.params(GetParams.self)
///     return …
/// }
/// ```
/// and publish notifications at any time with `server.notify(method:params:)`.
public final class Server: @unchecked Sendable {
    struct Registration {
        enum Kind {
            case request(RequestHandler)
            case notification(NotificationHandler)
        }
        var access: HandlerAccess
        var kind: Kind

        var isNotification: Bool {
            if case .notification = kind { return true }
            return false
        }
    }

    /// Shared session state (negotiated position encoding …), also reachable from every context.
    public let session = Session()
    let configuration: ServerConfiguration
    let scheduler = AccessScheduler()
    let inFlight = InFlightRequests()
    /// Requests and notifications handed to tasks and not finished; line mode waits for them at EOF.
    let outstanding = DispatchGroup()

    private let lock = NSLock()
    private var registrations: [String: Registration] = [:]
    private var extraCapabilities = JSONObject()
    private var writer: MessageWriter?
    /// Touched only by the reader thread (`run`), so it needs no lock.
    var lifecycle: Lifecycle = .awaitingInitialize

    public init() { configuration = ServerConfiguration() }
    package init(configuration: ServerConfiguration) { self.configuration = configuration }

    /// Adds a request method. `access: .write` for handlers that change the workspace (they are
    /// ordered with respect to every other request); `.read` handlers run concurrently.
    public func register(_ method: String, access: HandlerAccess = .read, _ handler: @escaping RequestHandler) {
        lock.lock()
        registrations[method] = Registration(access: access, kind: .request(handler))
        lock.unlock()
    }

    /// Adds a notification method (e.g. `textDocument/didChange`, usually `.write`).
    public func registerNotification(
        _ method: String, access: HandlerAccess = .write, _ handler: @escaping NotificationHandler
    ) {
        lock.lock()
        registrations[method] = Registration(access: access, kind: .notification(handler))
        lock.unlock()
    }

    /// Adds (or replaces) a member of the `capabilities` object answered to `initialize`, e.g.
    /// `setCapability("textDocumentSync", 2)`.
    public func setCapability(_ name: String, _ value: JSONValue) {
        lock.lock()
        extraCapabilities[name] = value
        lock.unlock()
    }

    /// Sends a notification to the client now (e.g. `textDocument/publishDiagnostics`). Dropped when
    /// the server is not running.
    public func notify(method: String, params: JSONValue) {
        currentWriter()?.send(OutgoingMessage.notification(method: method, params: params))
    }

    /// `notify(method:params:)` with the params already serialized (one JSON value, unchecked): for
    /// notifications too big to build as a `JSONValue` on every keystroke (a document's diagnostics).
    public func notify(method: String, serializedParams: [UInt8]) {
        currentWriter()?.send(parts: OutgoingMessage.notificationParts(method: method, json: serializedParams))
    }

    /// Sends `window/logMessage` (type 1 error … 4 log).
    public func log(_ message: String, type: Int = 1) {
        notify(method: "window/logMessage", params: ["type": .int(Int64(type)), "message": .string(message)])
    }

    func registration(for method: String) -> Registration? {
        lock.lock()
        defer { lock.unlock() }
        return registrations[method]
    }

    var capabilities: JSONObject {
        lock.lock()
        defer { lock.unlock() }
        var result: JSONObject = ["positionEncoding": .string(session.positionEncoding.rawValue)]
        for (name, value) in extraCapabilities.members { result[name] = value }
        return result
    }

    func currentWriter() -> MessageWriter? {
        lock.lock()
        defer { lock.unlock() }
        return writer
    }

    func install(_ newWriter: MessageWriter?) {
        lock.lock()
        writer = newWriter
        lock.unlock()
    }
}

/// Transport settings chosen on the command line.
package struct ServerConfiguration: Sendable {
    /// nil: detect from the first byte.
    package var framing: Framing?
    package var maxMessageBytes: Int

    package init(framing: Framing? = nil, maxMessageBytes: Int = defaultMaxMessageBytes) {
        self.framing = framing
        self.maxMessageBytes = maxMessageBytes
    }
}
