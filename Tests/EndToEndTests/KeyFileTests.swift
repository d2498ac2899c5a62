import Foundation
import Testing

/// Issue 17: the key file is refused, exit 64, when group or others can read it (with the
/// `chmod` that fixes it, as ssh refuses an open private key) and when it is a FIFO, socket
/// or device — at once, without waiting on it.
@Suite(.serialized, .enabled(if: Harness.hasBinary, "needs the built synctop (swift build)"))
struct KeyFileTests {
    static let dead = "http://127.0.0.1:9"

    func keyFile(mode: Int, name: String = "key") throws -> String {
        let path = Harness.scratch("keyfile") + "/" + name
        try (SimulatorProcess.masterKey + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    @Test(arguments: [0o644, 0o640, 0o604, 0o620, 0o602])
    func aKeyOthersCanReadIsRefusedWithTheFix(mode: Int) throws {
        let path = try keyFile(mode: mode)
        let r = try Harness.run(Harness.binary, ["status", "--key-file", path, "--url", Self.dead], timeout: 20)
        #expect(r.status == 64, "\(r.err)")
        #expect(r.err.contains("key file \(path) can be read or written by group or others (mode 0\(String(mode, radix: 8)))"), "\(r.err)")
        #expect(r.err.contains("run `chmod 600 \(path)`"), "\(r.err)")
        #expect(!r.err.contains(SimulatorProcess.masterKey), "the key is never printed")
    }

    @Test func thePathInTheFixIsQuotedForTheShell() throws {
        let path = try keyFile(mode: 0o644, name: "my key")
        let r = try Harness.run(Harness.binary, ["status", "--key-file", path, "--url", Self.dead], timeout: 20)
        #expect(r.status == 64)
        #expect(r.err.contains("run `chmod 600 '\(path)'`"), "\(r.err)")
    }

    @Test func aPrivateKeyFileIsUsed() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        for mode in [0o600, 0o400] {
            let r = try Harness.run(Harness.binary, ["status", "--key-file", try keyFile(mode: mode), "--url", sim.baseURL], timeout: 20)
            #expect(r.status == 0, "mode \(String(mode, radix: 8)): \(r.err)")
        }
    }

    @Test func theConfigFilesKeyFileFollowsTheSameRule() throws {
        let path = try keyFile(mode: 0o644)
        let config = Harness.scratch("config") + "/config.toml"
        try "key_file = \"\(path)\"\n".write(toFile: config, atomically: true, encoding: .utf8)
        let r = try Harness.run(Harness.binary, ["status", "--config", config, "--url", Self.dead], timeout: 20)
        #expect(r.status == 64, "\(r.err)")
        #expect(r.err.contains("run `chmod 600 \(path)`"), "\(r.err)")
    }

    /// A FIFO nobody writes to would block a plain `open` for ever: refused within seconds.
    @Test func aFIFOSocketOrDeviceIsRefusedWithoutWaiting() throws {
        let fifo = Harness.scratch("keyfile") + "/fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        let socketPath = Harness.scratch("keyfile") + "/sock"
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, byte) in socketPath.utf8.enumerated() where i < raw.count - 1 { raw[i] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        #expect(bound == 0)
        for (path, kind) in [(fifo, "a FIFO (named pipe)"), (socketPath, "a socket"), ("/dev/zero", "a character device"),
                             (NSTemporaryDirectory(), "a folder")] {
            let started = Date()
            let r = try Harness.run(Harness.binary, ["status", "--key-file", path, "--url", Self.dead], timeout: 10)
            #expect(Date().timeIntervalSince(started) < 5, "\(path) blocked")
            #expect(r.status == 64, "\(path): \(r.status) \(r.err)")
            #expect(r.err.contains("is \(kind), not a regular file: give the path of a file that holds the key"), "\(r.err)")
        }
    }
}
