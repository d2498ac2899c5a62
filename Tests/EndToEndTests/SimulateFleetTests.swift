import Foundation
import Testing

/// `synctop simulate --pods N`: several pods of one proxy, driven with curl as a script would.
@Suite(.serialized, .enabled(if: Harness.hasBinary, "needs the built synctop (swift build)"))
struct SimulateFleetTests {
    static let key = "Authorization: Bearer \(SimulatorFleetProcess.masterKey)"

    static func json(_ args: [String]) throws -> [String: Any] {
        let r = try Harness.curl(args)
        return (try? JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any]) ?? [:]
    }

    static func sourceRevision(_ url: String) throws -> String? {
        try json(["-H", key, url + "/model/cost_map/source"])["source_revision"] as? String
    }

    @Test func threePodsShareOneDatabaseAndKeepTheirOwnMemory() throws {
        let fleet = try SimulatorFleetProcess(pods: 3, args: ["--port", "0", "--balancer-port", "0", "--check-interval", "3600"])
        defer { fleet.stop() }
        #expect(fleet.podURLs.count == 3, "\(fleet.printed)")
        #expect(Set(fleet.podURLs).count == 3)
        #expect(fleet.printed.contains("3 pods of one proxy sharing one database"))
        #expect(fleet.printed.contains("master key: \(SimulatorFleetProcess.masterKey)"))
        let balancer = try #require(fleet.balancerURL, "\(fleet.printed)")
        let urls = fleet.podURLs
        for url in urls {
            #expect(try Harness.curl([url + "/health/liveliness"]).out == #""I'm alive!""#)
        }
        let old = try #require(try Self.sourceRevision(urls[1]))

        // A manual reload on pod 0: pod 1 keeps its old map until its next check...
        let reload = try Self.json(["-X", "POST", "-H", Self.key, urls[0] + "/reload/model_cost_map"])
        let new = try #require(reload["source_revision"] as? String)
        #expect(new != old)
        #expect(try Self.sourceRevision(urls[1]) == old)
        let status = try Self.json(["-H", Self.key, urls[1] + "/schedule/model_cost_map_reload/status"])
        #expect(status["last_run"] as? String == reload["timestamp"] as? String, "the shared row")
        #expect(status["source_revision"] as? String == old, "the answering pod's memory")
        // ...which the shared clock brings, for every pod.
        _ = try Harness.curl(["-X", "POST", urls[2] + "/_sim/advance?seconds=31"])
        #expect(try Self.sourceRevision(urls[1]) == new)
        #expect(try Self.sourceRevision(urls[2]) == new)

        // Stop pod 1 through pod 0: curl cannot connect (7); the balancer skips it.
        let stopped = try Self.json(["-X", "POST", urls[0] + "/_sim/pod?action=stop&pod=1"])
        #expect(stopped["running"] as? Bool == false)
        #expect(try Harness.curl([urls[1] + "/health/liveliness"]).status == 7)
        for _ in 0..<4 { #expect(try Harness.curl(["-o", "/dev/null", "-w", "%{http_code}", balancer + "/health/liveliness"]).out == "200") }
        // Restarted: fresh memory, same URL.
        let restarted = try Self.json(["-X", "POST", balancer + "/_sim/pod?action=restart&pod=1"])
        #expect(restarted["running"] as? Bool == true)
        #expect(restarted["url"] as? String == urls[1])
        #expect(restarted["cost_map_applied_revision"] as? Int == 0)
        let pods = try Self.json([urls[0] + "/_sim/pods"])
        #expect((pods["pods"] as? [[String: Any]])?.count == 3)
        #expect(((pods["database"] as? [String: Any])?["cost_map"] as? [String: Any])?["reload_revision"] as? Int == 1)

        let started = Date()
        #expect(fleet.stop() == 0)
        #expect(Date().timeIntervalSince(started) < 3)
        for url in urls + [balancer] { #expect(try Harness.curl([url + "/health/liveliness"]).status == 7) }
    }

    @Test func podsTakeConsecutivePorts() throws {
        let port = try #require(Self.freeConsecutivePorts(2))
        let fleet = try SimulatorFleetProcess(pods: 2, args: ["--port", String(port)])
        defer { fleet.stop() }
        #expect(fleet.podURLs == ["http://127.0.0.1:\(port)", "http://127.0.0.1:\(port + 1)"], "\(fleet.printed)")
        #expect(try Harness.curl(["http://127.0.0.1:\(port + 1)/health/liveliness"]).status == 0)
    }

    @Test func oneIsTheDefaultAndPrintsAsBefore() throws {
        let fleet = try SimulatorFleetProcess(pods: 1, args: ["--port", "0"])
        defer { fleet.stop() }
        #expect(fleet.printed.contains("simulator listening on http://127.0.0.1:"))
        #expect(!fleet.printed.contains("pod 0:"))
    }

    @Test func badFleetFlagsAreRefused() throws {
        for args in [["--pods", "0"], ["--pods", "65"], ["--port", "65535", "--pods", "2"], ["--check-interval", "0"], ["--balancer-port", "70000"]] {
            let r = try Harness.run(Harness.binary, ["simulate"] + args)
            #expect(r.status == 64, "\(args): \(r.err)")
        }
    }

    /// A port P such that P ... P+count-1 are all free right now.
    static func freeConsecutivePorts(_ count: Int) -> Int? {
        for _ in 0..<20 {
            let first = SimulatorProcess.freePort()
            guard first + count - 1 <= 65_535 else { continue }
            if (1..<count).allSatisfy({ isFree(first + $0) }) { return first }
        }
        return nil
    }

    static func isFree(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        return withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }
}
