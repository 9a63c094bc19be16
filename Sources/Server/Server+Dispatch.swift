import Foundation
import JSON
import RPC

extension Server {
    /// Applies the lifecycle rules, then runs a built-in method inline or hands a registered one to the
    /// scheduler. Called on the reader thread only.
    func dispatch(_ message: IncomingMessage, reply: Reply) -> LoopControl {
        let call: Call
        switch message {
        case .response:
            return .proceed
        case .invalid(let id, let reason):
            reply.deliver(OutgoingMessage.error(id: id, .invalidRequest(reason)), true)
            return .proceed
        case .call(let incoming):
            call = incoming
        }
        if call.method == "exit" {
            return .exit(code: lifecycle == .shutDown ? 0 : 1)
        }
        switch lifecycle {
        case .awaitingInitialize where call.method != "initialize":
            if let id = call.id { reply.deliver(OutgoingMessage.error(id: id, .serverNotInitialized), true) }
            return .proceed
        case .shutDown:
            if let id = call.id {
                let error = RPCError.invalidRequest("the server is shut down; only 'exit' is accepted")
                reply.deliver(OutgoingMessage.error(id: id, error), true)
            }
            return .proceed
        default:
            break
        }
        if handleBuiltin(call, reply: reply) { return .proceed }
        guard let registration = registration(for: call.method) else {
            if let id = call.id { reply.deliver(OutgoingMessage.error(id: id, .methodNotFound(call.method)), true) }
            return .proceed
        }
        schedule(call, registration, reply: reply)
        return .proceed
    }

    /// Queues a registered handler behind the requests it must follow (see `AccessScheduler`).
    private func schedule(_ call: Call, _ registration: Registration, reply: Reply) {
        let token = CancellationToken()
        if let id = call.id { inFlight.add(id, token) }
        let context = RequestContext(
            method: call.method, id: call.id, paramsNode: call.params, session: session, token: token,
            output: { [weak self] method, params in self?.notify(method: method, params: params) })
        let access = registration.access
        outstanding.enter()
        scheduler.submit(access) { [self] in
            let task = Task {
                await self.execute(registration.kind, context, reply: reply)
                self.scheduler.finish(access)
                self.outstanding.leave()
            }
            token.attach(task)
        }
    }

    private func execute(_ kind: Registration.Kind, _ context: RequestContext, reply: Reply) async {
        switch kind {
        case .notification(let handler):
            do {
                try await handler(context)
            } catch {
                FileHandle.standardError.write(Data("kol-engine: \(context.method): \(error)\n".utf8))
            }
        case .request(let handler):
            guard let id = context.id else {
                // A request method called as a notification: run it for its effect, answer nothing.
                _ = try? await handler(context)
                return
            }
            let message: [UInt8]
            if context.token.isCancelled {
                message = OutgoingMessage.error(id: id, .requestCancelled)
            } else {
                do {
                    message = OutgoingMessage.result(id: id, try await handler(context))
                } catch {
                    message = OutgoingMessage.error(id: id, Self.rpcError(for: error, cancelled: context.token.isCancelled))
                }
            }
            inFlight.remove(id)
            reply.deliver(message, false)
        }
    }

    /// Maps what a handler threw to a JSON-RPC error. A handler that finished with a result is answered
    /// with it even if a cancel arrived late: the work (maybe a write) did happen.
    static func rpcError(for error: any Error, cancelled: Bool) -> RPCError {
        switch error {
        case let error as RPCError: return error
        case let error as JSONDecodingError: return .invalidParams(error.description)
        case is CancellationError where cancelled: return .requestCancelled
        default:
            if cancelled { return .requestCancelled }
            return .internalError("internal error: \(error)")
        }
    }
}
