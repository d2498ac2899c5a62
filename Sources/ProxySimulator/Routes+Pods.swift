import NIOCore

/// `POST /_sim/pod?action=stop|start|restart|lag[&pod=K][&seconds=S|off]`: the test controls
/// of one pod's process (documented on `ProxySimulator`). Answered only once the change took
/// effect (a stopped pod's port refuses connections when the answer arrives), so it is
/// handled outside the synchronous pipeline.
extension SimulatorCore {
    func podControl(
        _ request: IncomingRequest, connection: ObjectIdentifier, eventLoop: any EventLoop
    ) -> EventLoopFuture<(OutgoingResponse, closeAfter: Bool)>? {
        guard request.path == "/_sim/pod", request.method == "POST" else { return nil }
        let target: Int
        do {
            target = try targetPod(request, count: fleet.podCount)
        } catch {
            return eventLoop.makeSucceededFuture((error.response, false))
        }
        let fleet = self.fleet
        let describe = { @Sendable () -> OutgoingResponse in
            .json(200, fleet.state.withLock { fleet.podBody(target, &$0) })
        }
        let cannotListen = { @Sendable (error: any Error) -> (OutgoingResponse, closeAfter: Bool) in
            let port = fleet.ports[target]
            return (.detail(500, "pod \(target) cannot listen on port \(port): \(error)"), false)
        }
        switch request.queryValue("action") {
        case "stop":
            let (closed, spared) = fleet.stop(target, sparing: connection)
            return closed.map { (describe(), spared) }
        case "start":
            return fleet.start(target).map { (describe(), false) }.recover(cannotListen)
        case "restart":
            let (started, spared) = fleet.restart(target, sparing: connection)
            return started.map { (describe(), spared) }.recover { cannotListen($0) }
        case "lag":
            let raw = request.queryValue("seconds") ?? ""
            let micros: Int64?
            if raw == "off" {
                micros = nil
            } else if let seconds = Double(raw), seconds.isFinite, seconds >= 0, seconds < 1e9 {
                micros = Int64((seconds * 1_000_000).rounded())
            } else {
                return eventLoop.makeSucceededFuture((.detail(400, "seconds must be a number >= 0, or off"), false))
            }
            fleet.setLag(target, micros: micros)
            return eventLoop.makeSucceededFuture((describe(), false))
        default:
            return eventLoop.makeSucceededFuture((.detail(400, "action must be one of: stop, start, restart, lag"), false))
        }
    }
}
