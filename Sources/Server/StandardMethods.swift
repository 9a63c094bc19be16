extension Server {
    /// A server with every kol-engine method registered: what `kol-engine serve` runs. Each later layer
    /// adds one line here (e.g. `WorkspaceMethods.register(on: server)`), keeping methods in their own
    /// files.
    package static func standard(configuration: ServerConfiguration) -> Server {
        let server = Server(configuration: configuration)
        return server
    }
}
