import Foundation
import Testing

/// Issue 22: synctop in a real SSH session on loopback — Debian's sshd started by the test
/// on its own port with its own host key, key-only login as a test user. synctop comes up,
/// follows the client's resize, and a dropped connection leaves no synctop behind within 5 s.
@Suite(.serialized, .enabled(if: Harness.hasBinary && FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd") || ProcessInfo.processInfo.environment["CI"] != nil,
                             "needs Debian's openssh-server (.ci/setup installs it)"))
struct SSHEndToEndTests {
    /// A user of its own when root (CI), else the current user (sshd then runs as that user).
    static let user: String = {
        guard getuid() == 0 else { return String(cString: getpwuid(getuid()).pointee.pw_name) }
        if getpwnam("synctopssh") == nil {
            _ = try? Harness.run("/usr/sbin/useradd", ["-m", "-s", "/bin/sh", "synctopssh"])
        }
        // No password at all ("*"), not a locked account ("!"), which sshd refuses without PAM.
        _ = try? Harness.run("/usr/sbin/usermod", ["-p", "*", "synctopssh"])
        return "synctopssh"
    }()

    final class Server {
        let dir = Harness.scratch("sshd")
        let port = SimulatorProcess.freePort()
        var pid: pid_t = 0
        var clientKey: String { dir + "/client" }

        init() throws {
            try #require(FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd"), "openssh-server is missing")
            for (name, file) in [("host", dir + "/host"), ("client", dir + "/client")] {
                let r = try Harness.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "synctop-\(name)", "-f", file])
                try #require(r.status == 0, "ssh-keygen: \(r.err)")
            }
            try FileManager.default.copyItem(atPath: dir + "/client.pub", toPath: dir + "/authorized_keys")
            chmod(dir, 0o755)
            chmod(dir + "/authorized_keys", 0o644)
            try """
            Port \(port)
            ListenAddress 127.0.0.1
            HostKey \(dir)/host
            AuthorizedKeysFile \(dir)/authorized_keys
            PubkeyAuthentication yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PermitRootLogin no
            AllowUsers \(SSHEndToEndTests.user)
            StrictModes no
            UsePAM no
            PidFile none
            ClientAliveInterval 1
            ClientAliveCountMax 2
            """.write(toFile: dir + "/sshd_config", atomically: true, encoding: .utf8)
            // sshd wants its privilege-separation folder to exist.
            try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
            pid = try Harness.spawn("/usr/sbin/sshd", ["-D", "-e", "-f", dir + "/sshd_config"], stderr: dir + "/sshd.log")
            let up = Harness.eventually(timeout: 10) {
                ((try? String(contentsOfFile: dir + "/sshd.log", encoding: .utf8)) ?? "").contains("Server listening")
            }
            try #require(up, "sshd did not start: \((try? String(contentsOfFile: dir + "/sshd.log", encoding: .utf8)) ?? "")")
        }

        func stop() { _ = Harness.stop(&pid, signal: SIGTERM) }
    }

    @Test func synctopOverSSHFollowsAResizeAndDiesWithTheConnection() throws {
        let sshd = try Server()
        defer { sshd.stop() }
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let remote = "env TERM=xterm-256color LANG=C.UTF-8 LITELLM_PROXY_API_KEY=\(SimulatorProcess.masterKey) XDG_STATE_HOME=/tmp/synctop-ssh-state \(Harness.binary) --url \(sim.baseURL)"
        let ssh = "ssh -tt -i \(sshd.clientKey) -p \(sshd.port) -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o BatchMode=yes \(Self.user)@127.0.0.1 '\(remote)'"
        let tmux = try TmuxSession(command: ssh, width: 120, height: 32)
        defer { tmux.kill() }
        let up = tmux.waitFor("polled", timeout: 20)
        try #require(up.found, "synctop did not come up over ssh:\n\(up.screen)\nsshd: \((try? String(contentsOfFile: sshd.dir + "/sshd.log", encoding: .utf8)) ?? "")")
        #expect(Self.boxWidth(up.screen) == 120, "\(up.screen)")

        // The client's window changes size: ssh sends window-change, sshd resizes the pty,
        // synctop gets SIGWINCH and lays out again.
        tmux.resize(width: 90, height: 28)
        #expect(Harness.eventually(timeout: 5) { Self.boxWidth(tmux.capture()) == 90 }, "did not follow the resize:\n\(tmux.capture())")

        // The connection drops: the client dies without a goodbye.
        let remotePID = try #require(Self.remoteSynctop(sim.baseURL), "no synctop process under sshd")
        let client = try #require(tmux.commandPID(), "no ssh client")
        kill(client, SIGKILL)
        let start = Date()
        let gone = Harness.eventually(timeout: 10) { kill(remotePID, 0) != 0 }
        let took = Date().timeIntervalSince(start)
        #expect(gone && took < 5, "synctop still running \(took) s after the connection dropped")
        print("RESILIENCE | ssh | up over ssh, resize 120→90 followed, gone \(String(format: "%.1f", took)) s after the connection dropped | \(gone && took < 5 ? "ok" : "LEFT BEHIND")")
    }

    /// Where the first box row's last `┐` is: the width synctop laid the screen out for.
    static func boxWidth(_ screen: String) -> Int? {
        guard let line = screen.split(separator: "\n").first(where: { $0.hasPrefix("┌") }),
              let end = line.lastIndex(of: "┐") else { return nil }
        return line.distance(from: line.startIndex, to: end) + 1
    }

    static func remoteSynctop(_ url: String) -> pid_t? {
        let r = try? Harness.run("/usr/bin/pgrep", ["-n", "-f", "synctop --url \(url)"])
        return r.flatMap { pid_t($0.out.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }
}
