/// The unit LSP positions count characters in (LSP 3.17 `PositionEncodingKind`). UTF-16 is the LSP default,
/// used when a client (e.g. Neovim 0.7) announces nothing.
public enum PositionEncoding: String, Sendable, Hashable, CaseIterable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case utf32 = "utf-32"
}
