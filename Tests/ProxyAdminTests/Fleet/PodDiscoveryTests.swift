import Foundation
import Testing
@testable import ProxyAdmin

/// `pods_command`: its output read, and every way it can misbehave bounded by the timeout.
@Suite struct PodDiscoveryTests {
    @Test func aCommandsLinesArePods() {
        let r = PodDiscovery.run("printf '10.0.0.11:4000\\nhttps://10.0.0.12:4000\\n'", scheme: "http", timeoutSeconds: 5)
        #expect(r.value == ["http://10.0.0.11:4000", "https://10.0.0.12:4000"])
    }

    @Test func floodingOutputIsRefusedAtOnce() {
        let start = Date()
        let r = PodDiscovery.run("yes 10.0.0.11:4000", scheme: "http", timeoutSeconds: 5)
        #expect(r.failure?.description == "pods_command printed more than 64 KB: not a list of pods")
        #expect(Date().timeIntervalSince(start) < 3)
    }

    /// It closed its output and goes on running: the wait ends at the timeout too.
    @Test func aCommandThatClosesItsOutputAndHangsEndsAtTheTimeout() {
        let start = Date()
        let r = PodDiscovery.run("echo 10.0.0.11:4000; exec >&-; sleep 30", scheme: "http", timeoutSeconds: 1)
        #expect(r.failure?.description == "pods_command did not finish within 1 s")
        #expect(Date().timeIntervalSince(start) < 3)
    }

    @Test func aFailingCommandSaysItsStatus() {
        #expect(PodDiscovery.run("exit 3", scheme: "http", timeoutSeconds: 5).failure?.description == "pods_command exited with status 3")
    }
}
