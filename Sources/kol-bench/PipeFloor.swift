import Foundation
import RPC

/// The same-run floor for a message of a given size: moving its bytes from one thread to another through
/// a pipe (grown like the engine's), read the way `EngineClient` reads. Why: the edit figure's publish is
/// ~20 MB, so part of "received" is the transfer itself, which no engine work can remove.
enum PipeFloor {
    /// Median seconds of `rounds` transfers of `bytes`.
    static func seconds(_ bytes: [UInt8], rounds: Int = 3) -> Double {
        var times: [Double] = []
        for _ in 0..<rounds {
            let pipe = Pipe()
            let writeFD = pipe.fileHandleForWriting.fileDescriptor
            let readFD = pipe.fileHandleForReading.fileDescriptor
            PipeCapacity.grow(writeFD)
            let payload = bytes
            let start = DispatchTime.now().uptimeNanoseconds
            let writer = Thread {
                payload.withUnsafeBytes { raw in
                    guard var pointer = raw.baseAddress else { return }
                    var remaining = raw.count
                    while remaining > 0 {
                        let n = write(writeFD, pointer, remaining)
                        if n <= 0 { if errno == EINTR { continue } else { return } }
                        pointer += n
                        remaining -= n
                    }
                }
            }
            writer.start()
            var scratch = [UInt8](repeating: 0, count: 4 << 20)
            var received: [UInt8] = []
            while received.count < bytes.count {
                var got = 0
                scratch.withUnsafeMutableBytes { raw in
                    guard let base = raw.baseAddress else { return }
                    repeat { got = read(readFD, base, raw.count) } while got < 0 && errno == EINTR
                }
                if got <= 0 { break }
                received.append(contentsOf: scratch[..<got])
            }
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return times.sorted()[times.count / 2]
    }
}
