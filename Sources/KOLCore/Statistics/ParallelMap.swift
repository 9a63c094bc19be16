import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Maps pure work over an array on every core, results in input order. Why: analysing KOLs (decoding,
/// features, flags) is independent per KOL, and the machines have few cores; small inputs stay on the
/// caller's thread so a single small request is never slower.
package enum ParallelMap {
    package static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], minimumForParallel: Int = 2, _ transform: @escaping @Sendable (Input) -> Output
    ) -> [Output] {
        let cores = System.activeCores
        guard inputs.count >= max(2, minimumForParallel), cores > 1 else { return inputs.map(transform) }
        let workers = min(cores, inputs.count)
        return [Output](unsafeUninitializedCapacity: inputs.count) { buffer, initialized in
            // Each worker fills its own slots (worker, worker + workers, …): no slot is written twice.
            let slots = Slots(base: buffer.baseAddress)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var slot = worker
                while slot < inputs.count {
                    slots.base.map { ($0 + slot).initialize(to: transform(inputs[slot])) }
                    slot += workers
                }
            }
            initialized = slots.base == nil ? 0 : inputs.count
        }
    }

    private struct Slots<T>: @unchecked Sendable {
        let base: UnsafeMutablePointer<T>?
    }
}

/// The number of cores to use, without Foundation.
enum System {
    static let activeCores: Int = {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 2
        #endif
    }()
}
