import Foundation
import Testing

/// Paths and processes the end-to-end tests share: the built `synctop` binary, a
/// simulator process on a free loopback port, and tmux sessions on a private socket.
enum Harness {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The `synctop` built next to this test bundle (`swift build` puts both in one folder).
    static var binary: String {
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("synctop").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/synctop").path
    }

    static var hasBinary: Bool { FileManager.default.isExecutableFile(atPath: binary) }

    /// Runs a command to completion; returns exit status, stdout and stderr.
    @discardableResult
    static func run(_ path: String, _ args: [String], env: [String: String] = [:], timeout: TimeInterval = 60)
        throws -> (status: Int32, out: String, err: String)
    {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        var environment = ProcessInfo.processInfo.environment
        for k in ["LITELLM_PROXY_URL", "LITELLM_PROXY_API_KEY", "LITELLM_MASTER_KEY"] { environment[k] = nil }
        environment.merge(env) { $1 }
        p.environment = environment
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(timeout)
        // Read while running so a full pipe cannot stall the child.
        let outData = Collected(), errData = Collected()
        let group = DispatchGroup()
        group.enter(); DispatchQueue.global().async { outData.data = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter(); DispatchQueue.global().async { errData.data = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        while p.isRunning && Date() < deadline { usleep(10_000) }
        if p.isRunning { p.terminate() }
        p.waitUntilExit()
        group.wait()
        return (p.terminationStatus, String(decoding: outData.data, as: UTF8.self), String(decoding: errData.data, as: UTF8.self))
    }

    /// Polls `condition` until it holds or `timeout` passes.
    static func eventually(timeout: TimeInterval = 10, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            if try condition() { return true }
            usleep(100_000)
        } while Date() < deadline
        return try condition()
    }

    static func curl(_ args: [String]) throws -> (status: Int32, out: String, err: String) {
        try run("/usr/bin/curl", ["-s", "--max-time", "10"] + args)
    }
}

/// `synctop simulate` as a child process on a free port.
final class SimulatorProcess {
    let process = Process()
    let port: Int
    var baseURL: String { "http://127.0.0.1:\(port)" }
    static let masterKey = "sk-synctop-demo"

    init(args: [String] = [], port requested: Int? = nil) throws {
        let port = requested ?? SimulatorProcess.freePort()
        self.port = port
        process.executableURL = URL(fileURLWithPath: Harness.binary)
        process.arguments = ["simulate", "--port", String(port)] + args
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let up = Harness.eventually(timeout: 15) {
            (try? Harness.curl(["-o", "/dev/null", "-w", "%{http_code}", "http://127.0.0.1:\(port)/health/liveliness"]).out) == "200"
        }
        guard up else {
            process.terminate()
            throw HarnessError("simulator did not come up on port \(port)")
        }
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }

    deinit { stop() }

    /// A port nobody listens on right now (bind to 0, read it back, close).
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        return Int(UInt16(bigEndian: addr.sin_port))
    }
}

/// A tmux session on its own socket: type keys, read the screen.
final class TmuxSession {
    let socket: String
    let name = "e2e"

    init(command: String, width: Int = 100, height: Int = 30, env: [String: String] = [:]) throws {
        socket = NSTemporaryDirectory() + "synctop-e2e-\(UUID().uuidString.prefix(8)).sock"
        let exports = env.map { "export \($0.key)='\($0.value)';" }.joined(separator: " ")
        // Keep the pane after the command ends so its last screen and exit code can be read.
        let wrapped = "\(exports) \(command); echo \"EXITED $?\"; stty -a | grep -o -- '-\\?echo ' | head -1; sleep 600"
        let r = try Harness.run("/usr/bin/tmux", ["-u", "-S", socket, "new-session", "-d", "-x", String(width), "-y", String(height),
                                                  "-s", name, "sh", "-c", wrapped],
                                env: ["TERM": "xterm-256color", "LANG": "C.UTF-8"])
        guard r.status == 0 else { throw HarnessError("tmux failed: \(r.err)") }
    }

    func capture(colors: Bool = false) -> String {
        (try? Harness.run("/usr/bin/tmux", ["-S", socket, "capture-pane", "-p"] + (colors ? ["-e"] : []) + ["-t", name]).out) ?? ""
    }

    func send(_ keys: String...) {
        _ = try? Harness.run("/usr/bin/tmux", ["-S", socket, "send-keys", "-t", name] + keys)
    }

    func sendLiteral(_ text: String) {
        _ = try? Harness.run("/usr/bin/tmux", ["-S", socket, "send-keys", "-t", name, "-l", text])
    }

    func resize(width: Int, height: Int) {
        _ = try? Harness.run("/usr/bin/tmux", ["-S", socket, "resize-window", "-t", name, "-x", String(width), "-y", String(height)])
    }

    /// PID of the command in the pane (the `sh -c` wrapper's child is synctop).
    func panePID() -> Int32? {
        let out = (try? Harness.run("/usr/bin/tmux", ["-S", socket, "display-message", "-p", "-t", name, "#{pane_pid}"]).out) ?? ""
        return Int32(out.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Waits until the screen contains `text`; returns the last screen either way.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 10) -> (found: Bool, screen: String) {
        var screen = ""
        let found = Harness.eventually(timeout: timeout) {
            screen = capture()
            return screen.contains(text)
        }
        return (found, screen)
    }

    func kill() {
        _ = try? Harness.run("/usr/bin/tmux", ["-S", socket, "kill-server"])
        try? FileManager.default.removeItem(atPath: socket)
    }

    deinit { kill() }
}

/// Bytes one reader thread fills; read after `group.wait()`.
final class Collected: @unchecked Sendable { var data = Data() }

struct HarnessError: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
