#if canImport(Glibc)
import Glibc
#endif

/// Where a context's pods are: a fixed list, every address of a headless service's name
/// (`pods_dns = "litellm-headless.prod.svc:4000"`), or a command that prints one URL (or
/// `host:port`) per line (`pods_command = "kubectl … get endpoints …"`). Each way is
/// bounded by the timeout; a failure says why, and the caller keeps the last pods it knew.
public enum PodDiscovery {
    public enum Source: Equatable, Sendable {
        case list([String])
        case dns(String)
        case command(String)
    }

    public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    public static func pods(_ source: Source, scheme: String = "http", timeoutSeconds: Int) async -> Result<[String], Failure> {
        switch source {
        case .list(let urls): return .success(urls)
        case .dns(let hostPort): return await BlockingThread.value { dns(hostPort, scheme: scheme, timeoutSeconds: timeoutSeconds) }
        case .command(let command): return await BlockingThread.value { run(command, scheme: scheme, timeoutSeconds: timeoutSeconds) }
        }
    }

    /// Every address `host` resolves to, as `scheme://address:port`, in getaddrinfo's order.
    static func dns(_ hostPort: String, scheme: String, timeoutSeconds: Int) -> Result<[String], Failure> {
        guard let (host, port) = HTTPTarget.hostAndPort(Substring(hostPort), defaultPort: scheme == "https" ? 443 : 4000) else {
            return .failure(Failure(description: "pods_dns \"\(hostPort)\" is not host:port"))
        }
        switch SocketExchange.resolve(host: host, port: Int(port), timeoutMs: timeoutSeconds * 1000) {
        case .timedOut: return .failure(Failure(description: "pods_dns: \(host) not resolved within \(timeoutSeconds) s"))
        case .notFound: return .failure(Failure(description: "pods_dns: \(host) has no addresses"))
        case .found(let addresses):
            var urls: [String] = []
            for a in addresses {
                guard let text = numeric(a) else { continue }
                let url = "\(scheme)://\(a.family == AF_INET6 ? "[\(text)]" : text):\(port)"
                if !urls.contains(url) { urls.append(url) }
            }
            return .success(urls)
        }
    }

    static func numeric(_ a: SocketExchange.Address) -> String? {
        var storage = a.storage
        var buffer = [CChar](repeating: 0, count: 64)
        let ok = withUnsafePointer(to: &storage) { p -> Bool in
            switch a.family {
            case AF_INET: return p.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { sin in
                var addr = sin.pointee.sin_addr
                return inet_ntop(AF_INET, &addr, &buffer, socklen_t(buffer.count)) != nil
            }
            case AF_INET6: return p.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { sin in
                var addr = sin.pointee.sin6_addr
                return inet_ntop(AF_INET6, &addr, &buffer, socklen_t(buffer.count)) != nil
            }
            default: return false
            }
        }
        return ok ? String(cString: buffer) : nil
    }

    /// `/bin/sh -c command`, its stdout read up to 64 KB, killed at the timeout. Each
    /// non-empty line is a URL, or `host:port` taken as `scheme://host:port`.
    static func run(_ command: String, scheme: String, timeoutSeconds: Int) -> Result<[String], Failure> {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return .failure(Failure(description: "pods_command: no pipe")) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sh"), strdup("-c"), strdup(command), nil]
        defer { for p in argv { free(p) } }
        let rc = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, environ)
        close(fds[1])
        guard rc == 0 else {
            close(fds[0])
            return .failure(Failure(description: "pods_command could not start: \(String(cString: strerror(rc)))"))
        }
        defer { close(fds[0]) }
        let deadline = SocketExchange.monotonicMs() + timeoutSeconds * 1000
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        var timedOut = false
        while output.count < 64 << 10 {
            let left = deadline - SocketExchange.monotonicMs()
            if left <= 0 { timedOut = true; break }
            var p = pollfd(fd: fds[0], events: Int16(POLLIN), revents: 0)
            if poll(&p, 1, Int32(clamping: left)) <= 0 { continue }
            let n = chunk.withUnsafeMutableBytes { read(fds[0], $0.baseAddress, $0.count) }
            if n <= 0 { break }
            output.append(contentsOf: chunk[0..<n])
        }
        // Past 64 KB it is not a list of pods; and a command that closed its output may still
        // run: the wait is bounded by the same deadline, never a bare waitpid.
        let tooMuch = output.count >= 64 << 10
        var status: Int32 = 0
        var reaped = false
        if !timedOut && !tooMuch {
            while SocketExchange.monotonicMs() < deadline {
                let r = waitpid(pid, &status, WNOHANG)
                if r == pid { reaped = true; break }
                if r < 0 && errno != EINTR { reaped = true; break }
                usleep(10_000)
            }
            if !reaped { timedOut = true }
        }
        if !reaped {
            kill(pid, SIGKILL)
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        }
        if tooMuch { return .failure(Failure(description: "pods_command printed more than 64 KB: not a list of pods")) }
        if timedOut { return .failure(Failure(description: "pods_command did not finish within \(timeoutSeconds) s")) }
        let exited = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        guard exited == 0 else { return .failure(Failure(description: "pods_command exited with status \(exited)")) }
        let urls = String(decoding: output, as: UTF8.self).split(whereSeparator: { $0 == "\n" || $0 == " " || $0 == "\r" })
            .map(String.init).filter { !$0.isEmpty }
            .map { $0.hasPrefix("http://") || $0.hasPrefix("https://") ? $0 : "\(scheme)://\($0)" }
        if let bad = urls.first(where: { URLText.forbiddenCharacter(in: $0) != nil || HTTPTarget.hostAndPort(Substring($0.split(separator: "/").dropFirst().first ?? ""), defaultPort: 80) == nil }) {
            return .failure(Failure(description: "pods_command printed \"\(SafeText.line(bad, limit: 80))\", which is not a pod URL or host:port"))
        }
        return urls.isEmpty ? .failure(Failure(description: "pods_command printed no pod")) : .success(urls)
    }
}
