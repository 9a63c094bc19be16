import JSON
/// The workspace model and pure analyses. No I/O, no JSON-RPC.
enum KOLCoreModule {}
