import JSON

/// Sends `$/progress` notifications for one request when its params carried a `workDoneToken`;
/// every method does nothing otherwise, so handlers can report unconditionally.
public struct ProgressReporter: Sendable {
    let token: JSONValue?
    let send: @Sendable (String, JSONValue) -> Void

    /// Whether the client asked for progress.
    public var isActive: Bool { token != nil }

    public func begin(title: String, message: String? = nil, percentage: Int? = nil, cancellable: Bool = true) {
        var value: JSONObject = ["kind": "begin", "title": .string(title), "cancellable": .bool(cancellable)]
        if let message { value["message"] = .string(message) }
        if let percentage { value["percentage"] = .int(Int64(clamp(percentage))) }
        emit(value)
    }

    public func report(message: String? = nil, percentage: Int? = nil) {
        var value: JSONObject = ["kind": "report"]
        if let message { value["message"] = .string(message) }
        if let percentage { value["percentage"] = .int(Int64(clamp(percentage))) }
        emit(value)
    }

    public func end(message: String? = nil) {
        var value: JSONObject = ["kind": "end"]
        if let message { value["message"] = .string(message) }
        emit(value)
    }

    private func emit(_ value: JSONObject) {
        guard let token else { return }
        send("$/progress", ["token": token, "value": .object(value)])
    }

    private func clamp(_ percentage: Int) -> Int { min(100, max(0, percentage)) }
}
