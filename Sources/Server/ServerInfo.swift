/// The name and version reported in `initialize` and by `kol-engine --version`.
public enum ServerInfo {
    public static let name = "kol-engine"
    public static let version = "0.1.0"
}
