import JSON
/// The RPC layer: JSON-RPC 2.0 over LSP base-protocol framing or newline-delimited lines.
enum RPCModule {}
