import JSON
import KOLCore
import RPC
/// Method handlers, open documents and diagnostics.
enum ServerModule {}
