import Foundation
import Testing

/// `synctop simulate` as an operator or a script runs it: it serves until told to stop.
@Suite(.serialized, .enabled(if: Harness.hasBinary, "needs the built synctop (swift build)"))
struct SimulateCommandTests {
    @Test(arguments: [SIGTERM, SIGINT, SIGHUP]) func stopsAtOnceOnASignal(signal: Int32) throws {
        let sim = try SimulatorProcess()
        let started = Date()
        let status = sim.stop(signal: signal)
        #expect(status == 0, "exit status \(status): the signal was not handled")
        #expect(Date().timeIntervalSince(started) < 3, "took \(Date().timeIntervalSince(started)) s")
    }
}
