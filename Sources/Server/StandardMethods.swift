extension Server {
    /// A server with every kol-engine method registered: what `kol-engine serve` runs. Each later layer
    /// adds one line here (e.g. `WorkspaceMethods.register(on: server)`), keeping methods in their own
    /// files.
    ///
    /// - Parameter allowedPaths: `--allow-path` folders, usable by `kol/load` and `kol/save` besides the
    ///   client's workspace folders.
    package static func standard(configuration: ServerConfiguration, allowedPaths: [String] = []) -> Server {
        let server = Server(configuration: configuration)
        let workspace = WorkspaceService(session: server.session, allowedPaths: allowedPaths) { [weak server] params in
            server?.notify(method: "textDocument/publishDiagnostics", serializedParams: params)
        }
        WorkspaceMethods.register(on: server, workspace)
        DocumentMethods.register(on: server, workspace)
        ScoringMethods.register(on: server, workspace)
        ToneMethods.register(on: server, workspace)
        EditorMethods.register(on: server, workspace)
        CampaignLoopMethods.register(on: server, workspace)
        StatsMethod.register(on: server, workspace)
        return server
    }
}
