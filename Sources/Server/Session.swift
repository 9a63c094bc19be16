import Foundation
import JSON

/// What `initialize` negotiated, readable from any handler.
public final class Session: @unchecked Sendable {
    private let lock = NSLock()
    private var encoding: PositionEncoding = .utf16
    private var trace = "off"
    private var client: JSONValue = .null
    private var initializeValue: JSONValue = .null

    init() {}

    /// The position encoding for every LSP position in this session (utf-16 unless the client offered
    /// another one we support first).
    public var positionEncoding: PositionEncoding {
        get { lock.lock(); defer { lock.unlock() }; return encoding }
        set { lock.lock(); encoding = newValue; lock.unlock() }
    }

    /// The `$/setTrace` value: "off", "messages" or "verbose".
    public var traceLevel: String {
        get { lock.lock(); defer { lock.unlock() }; return trace }
        set { lock.lock(); trace = newValue; lock.unlock() }
    }

    /// `clientInfo` from `initialize` (null when absent).
    public var clientInfo: JSONValue {
        get { lock.lock(); defer { lock.unlock() }; return client }
        set { lock.lock(); client = newValue; lock.unlock() }
    }

    /// The `initialize` params as sent (null before `initialize`): workspace folders for confined file
    /// access are read from here.
    public var initializeParams: JSONValue {
        get { lock.lock(); defer { lock.unlock() }; return initializeValue }
        set { lock.lock(); initializeValue = newValue; lock.unlock() }
    }

    /// Picks the first of the client's offered encodings that we support; utf-16 when none (the LSP
    /// default, and what Neovim 0.7 gets, since it offers nothing).
    static func negotiate(offered: [String]) -> PositionEncoding {
        for name in offered {
            if let encoding = PositionEncoding(rawValue: name) { return encoding }
        }
        return .utf16
    }
}
