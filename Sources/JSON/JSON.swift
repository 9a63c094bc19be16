/// The JSON layer: a strict RFC 8259 codec that keeps source positions.
/// Placeholder until the codec lands; see ARCHITECTURE.md.
enum JSONModule {}
