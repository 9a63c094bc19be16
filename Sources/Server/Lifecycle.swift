/// Where the session is in the LSP lifecycle. Line mode starts in `.running` (scripts need no
/// `initialize`); LSP framing starts in `.awaitingInitialize`.
enum Lifecycle: Sendable {
    /// Requests other than `initialize` get -32002; notifications other than `exit` are dropped.
    case awaitingInitialize
    /// Line mode before any `initialize`: every method works; `initialize` may still come (once).
    case open
    /// `initialize` was answered: normal operation.
    case running
    /// `shutdown` was answered: requests get -32600, only `exit` matters now.
    case shutDown
}

/// What the reader loop does after a message.
enum LoopControl: Equatable {
    case proceed
    case exit(code: Int32)
}
