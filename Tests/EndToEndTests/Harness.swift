import Foundation
import Testing

/// Paths and processes the end-to-end tests share: the built `synctop` binary, a
/// simulator process on a free loopback port, and tmux sessions on a private socket.
enum Harness {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The `synctop` built next to this test bundle (`swift build` puts both in one folder),
    /// or `SYNCTOP_BIN`: the release build's link differs (Package.swift), so it is checked
    /// with `SYNCTOP_BIN=.build/release/synctop swift test --filter EndToEndTests`.
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["SYNCTOP_BIN"], !path.isEmpty { return path }
        return built("synctop")
    }

    /// A product of the same `swift build` as this test bundle.
    static func built(_ product: String) -> String {
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent(product).path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/" + product).path
    }

    static var hasBinary: Bool { FileManager.default.isExecutableFile(atPath: binary) }

    /// One folder per test process for the homes, caches and configs the tests make, so a
    /// run leaves one folder behind, not dozens; the folders of earlier runs whose process
    /// has ended are removed when this one is made.
    static let scratchRoot: String = {
        let tmp = NSTemporaryDirectory(), prefix = "synctop-e2e-run-"
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: tmp)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid() else { continue }
            if kill(pid, 0) != 0, errno == ESRCH { try? fm.removeItem(atPath: tmp + name) }
        }
        let dir = tmp + prefix + String(getpid())
        try? fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }()

    /// A new, empty folder under `scratchRoot` (`name` says what it is for).
    static func scratch(_ name: String) -> String {
        let dir = scratchRoot + "/\(name)-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Every synctop the tests start writes its history here, never to the developer's own.
    static let stateHome: String = scratch("state")

    /// Runs a command to completion; returns exit status, stdout and stderr.
    /// Runs a command to completion (killed after `timeout`); returns exit status, stdout
    /// and stderr. Output goes through temp files, not pipes: a daemon the command leaves
    /// behind (tmux's server) would hold a pipe open forever.
    @discardableResult
    static func run(_ path: String, _ args: [String], env: [String: String] = [:], timeout: TimeInterval = 60)
        throws -> (status: Int32, out: String, err: String)
    {
        let dir = NSTemporaryDirectory() + "synctop-run-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pid = try spawn(path, args, env: env, stdout: dir + "/out", stderr: dir + "/err")
        let status = wait(pid, timeout: timeout)
        let out = (try? String(contentsOfFile: dir + "/out", encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: dir + "/err", encoding: .utf8)) ?? ""
        return (status, out, err)
    }

    /// Starts a process with stdin from /dev/null and output to the given files.
    static func spawn(_ path: String, _ args: [String], env: [String: String] = [:],
                      stdout: String = "/dev/null", stderr: String = "/dev/null") throws -> pid_t {
        var environment = ProcessInfo.processInfo.environment
        // Settings of the developer's (or the test runner's) own environment never leak in;
        // a test that wants one passes it.
        for k in ["LITELLM_PROXY_URL", "LITELLM_PROXY_API_KEY", "LITELLM_MASTER_KEY", "NO_COLOR"] { environment[k] = nil }
        environment["XDG_STATE_HOME"] = stateHome
        environment.merge(env) { $1 }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let argv = ([path] + args).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, &actions, nil, argv, envp)
        guard rc == 0 else { throw HarnessError("cannot start \(path): \(String(cString: strerror(rc)))") }
        return pid
    }

    /// Waits for `pid`; after `timeout` kills it. Returns the exit status (128+signal if killed).
    /// Sends `signal` to a child the tests started and waits for it (once: `pid` is zeroed).
    static func stop(_ pid: inout pid_t, signal: Int32) -> Int32 {
        guard pid > 0 else { return -1 }
        kill(pid, signal)
        let status = wait(pid, timeout: 10)
        pid = 0
        return status
    }

    static func wait(_ pid: pid_t, timeout: TimeInterval) -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while true {
            let r = waitpid(pid, &status, WNOHANG)
            if r == pid { break }
            if r < 0 { return -1 }
            if Date() > deadline { kill(pid, SIGKILL) }
            usleep(5_000)
        }
        let low = status & 0x7f
        return low == 0 ? (status >> 8) & 0xff : 128 + low
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
        let trust = args.contains { $0.hasPrefix("https://") } ? ["--cacert", loopbackCertificate.certificate] : []
        return try run("/usr/bin/curl", ["-s", "--max-time", "10"] + trust + args)
    }

    /// A self-signed certificate for `localhost` and 127.0.0.1 and its key, made once per
    /// run with `openssl req`, for proxies the tests serve over https.
    static let loopbackCertificate: (certificate: String, key: String) = {
        let dir = scratch("tls")
        let (certificate, key) = (dir + "/cert.pem", dir + "/key.pem")
        _ = try? run("/usr/bin/openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate,
                                          "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"])
        return (certificate, key)
    }()
}

/// `synctop simulate` as a child process on a free port.
final class SimulatorProcess {
    private var pid: pid_t = 0
    let port: Int
    /// https with `Harness.loopbackCertificate` (`--ssl_certfile_path`), as a LiteLLM behind TLS.
    let tls: Bool
    var baseURL: String { "\(tls ? "https" : "http")://127.0.0.1:\(port)" }
    static let masterKey = "sk-synctop-demo"

    init(args: [String] = [], port requested: Int? = nil, tls: Bool = false) throws {
        let port = requested ?? SimulatorProcess.freePort()
        self.port = port
        self.tls = tls
        let certificate = Harness.loopbackCertificate
        let tlsArgs = tls ? ["--ssl_certfile_path", certificate.certificate, "--ssl_keyfile_path", certificate.key] : []
        pid = try Harness.spawn(Harness.binary, ["simulate", "--port", String(port)] + tlsArgs + args)
        let url = baseURL + "/health/liveliness"
        let up = Harness.eventually(timeout: 15) {
            (try? Harness.curl(["-o", "/dev/null", "-w", "%{http_code}", url]).out) == "200"
        }
        guard up else {
            stop()
            throw HarnessError("simulator did not come up on port \(port)")
        }
    }

    /// SIGTERM, then the exit status (137 if it had to be killed after 10 s).
    @discardableResult
    func stop(signal: Int32 = SIGTERM) -> Int32 { Harness.stop(&pid, signal: signal) }

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

/// `synctop simulate --pods N` (and more flags) as a child process: the URLs it prints, one
/// line per pod (`pod K: URL`) and the balancer's (`balancer: URL ...`).
final class SimulatorFleetProcess {
    private var pid: pid_t = 0
    private let output: String
    private(set) var podURLs: [String] = []
    private(set) var balancerURL: String?
    static let masterKey = SimulatorProcess.masterKey

    init(pods: Int, args: [String] = []) throws {
        output = Harness.scratch("fleet") + "/out"
        pid = try Harness.spawn(Harness.binary, ["simulate", "--pods", String(pods)] + args, stdout: output)
        var printed = ""
        let up = Harness.eventually(timeout: 15) {
            printed = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
            return printed.contains("master key:")
        }
        guard up else {
            stop()
            throw HarnessError("the simulator printed no master key line: \(printed)")
        }
        for line in printed.split(separator: "\n") {
            if line.hasPrefix("pod "), let url = line.split(separator: " ").last { podURLs.append(String(url)) }
            if line.hasPrefix("balancer: ") { balancerURL = line.split(separator: " ").dropFirst().first.map(String.init) }
        }
    }

    /// A config.toml (in scratch folder `name`) with one context, `prod`: the first pod's URL
    /// as its service URL, every pod listed, the key in `PROD_KEY`. Its path.
    func prodConfig(_ name: String) throws -> String {
        let path = Harness.scratch(name) + "/config.toml"
        let pods = podURLs.map { "\"\($0)\"" }.joined(separator: ", ")
        try """
        [contexts.prod]
        url = "\(podURLs[0])"
        key_env = "PROD_KEY"
        pods = [\(pods)]
        """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Everything it printed so far.
    var printed: String { (try? String(contentsOfFile: output, encoding: .utf8)) ?? "" }

    /// SIGTERM, then the exit status (137 if it had to be killed after 10 s).
    @discardableResult
    func stop(signal: Int32 = SIGTERM) -> Int32 { Harness.stop(&pid, signal: signal) }

    deinit { stop() }
}

/// A tmux session on its own socket: type keys, read the screen.
final class TmuxSession {
    let socket: String
    let name = "e2e"

    init(command: String, width: Int = 100, height: Int = 30, env: [String: String] = [:]) throws {
        socket = NSTemporaryDirectory() + "synctop-e2e-\(UUID().uuidString.prefix(8)).sock"
        let exports = (["XDG_STATE_HOME": Harness.stateHome].merging(env) { $1 })
            .map { "export \($0.key)='\($0.value)';" }.joined(separator: " ")
        // Keep the pane after the command ends so its last screen and exit code can be read.
        // One line, printed at once: "EXITED <status> <echo|-echo>" (the tty's echo flag
        // after synctop left, to prove the terminal was restored).
        let wrapped = "unset NO_COLOR; \(exports) \(command); s=$?; echo \"EXITED $s $(stty -a | grep -o -- '-\\?echo ' | head -1)\"; sleep 600"
        let r = try Harness.run("/usr/bin/tmux", ["-u", "-S", socket, "new-session", "-d", "-x", String(width), "-y", String(height),
                                                  "-s", name, "sh", "-c", wrapped],
                                env: ["TERM": "xterm-256color", "LANG": "C.UTF-8"])
        guard r.status == 0 else { throw HarnessError("tmux new-session failed with status \(r.status)") }
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

    /// PID of the command running in the pane: the child of the pane's `sh -c` wrapper.
    /// The names of the command's threads (`/proc/PID/task/*/comm`).
    func threadNames() throws -> [String] {
        guard let pid = commandPID() else { throw HarnessError("no command runs in the pane") }
        return try FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task").map { tid in
            (try? String(contentsOfFile: "/proc/\(pid)/task/\(tid)/comm", encoding: .utf8)) ?? ""
        }
    }

    func commandPID() -> Int32? {
        let pane = (try? Harness.run("/usr/bin/tmux", ["-S", socket, "display-message", "-p", "-t", name, "#{pane_pid}"]).out) ?? ""
        let shell = pane.trimmingCharacters(in: .whitespacesAndNewlines)
        let children = (try? Harness.run("/usr/bin/pgrep", ["-P", shell]).out) ?? ""
        return children.split(separator: "\n").first.flatMap { Int32($0) }
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
        // kill-server alone was seen to leave servers (and the synctops in them) running
        // after a test: the server is also killed by PID, which closes its ptys.
        let pid = (try? Harness.run("/usr/bin/tmux", ["-S", socket, "display-message", "-p", "#{pid}"]).out)
            .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        _ = try? Harness.run("/usr/bin/tmux", ["-S", socket, "kill-server"])
        if let pid, pid > 1, Glibc.kill(pid, 0) == 0 { _ = Glibc.kill(pid, SIGKILL) }
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
