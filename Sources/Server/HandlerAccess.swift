/// Whether a handler only reads the workspace or changes it. The scheduler runs reads concurrently and
/// orders every write with respect to the requests around it (see `AccessScheduler`).
public enum HandlerAccess: Sendable {
    case read
    case write
}
