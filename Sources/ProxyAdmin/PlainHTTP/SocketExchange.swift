#if canImport(Glibc)
import Glibc
#endif

/// One request over one short-lived TCP connection, blocking the calling thread, with
/// every wait bounded by poll(2). Kept apart from the async transport so the blocking
/// part is in one place.
enum SocketExchange {
    struct Limits {
        var connectMs: Int
        var totalMs: Int
        var maxBodyBytes: Int
    }

    static func perform(_ target: HTTPTarget, request: [UInt8], limits: Limits, describeTarget: String,
                        timeoutSeconds: Int) -> Result<ProxyResponse, ProxyError> {
        let start = monotonicMs()
        let connectDeadline = start + min(limits.connectMs, limits.totalMs)
        let deadline = start + limits.totalMs
        let fd: Int32
        switch connect(target, until: connectDeadline) {
        case .success(let s): fd = s
        case .failure(.timedOut): return .failure(.unreachable("connection to \(describeTarget) timed out"))
        case .failure(.other(let why)): return .failure(.unreachable(why))
        }
        defer { close(fd) }

        var sent = 0
        while sent < request.count {
            guard wait(fd, for: Int16(POLLOUT), until: deadline) else { return .failure(.timeout(seconds: timeoutSeconds)) }
            let n = request.withUnsafeBytes { send(fd, $0.baseAddress! + sent, request.count - sent, Int32(MSG_NOSIGNAL)) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .failure(.unreachable("sending failed: \(errorText(errno))"))
            }
            sent += n
        }

        var reader = HTTPResponseReader(maxBodyBytes: limits.maxBodyBytes)
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            guard wait(fd, for: Int16(POLLIN), until: deadline) else { return .failure(.timeout(seconds: timeoutSeconds)) }
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, $0.count, 0) }
            do throws(HTTPResponseReader.Failure) {
                if n > 0 {
                    var step: Result<ProxyResponse?, HTTPResponseReader.Failure> = .success(nil)
                    chunk.withUnsafeBytes { raw in
                        do throws(HTTPResponseReader.Failure) {
                            step = .success(try reader.append(UnsafeRawBufferPointer(rebasing: raw[0..<n])))
                        } catch {
                            step = .failure(error)
                        }
                    }
                    if let done = try step.get() {
                        return .success(done)
                    }
                } else if n == 0 {
                    return .success(try reader.finish())
                } else if errno == EINTR || errno == EAGAIN {
                    continue
                } else if errno == ECONNRESET {
                    return .failure(.unreachable("the proxy reset the connection"))
                } else {
                    return .failure(.unreachable("receiving failed: \(errorText(errno))"))
                }
            } catch {
                switch error {
                case .tooLarge: return .failure(.badResponse("answer larger than \(limits.maxBodyBytes >> 20) MB"))
                case .malformed(let why): return .failure(.badResponse(why))
                }
            }
        }
    }

    enum ConnectFailure: Error { case timedOut, other(String) }

    /// Tries each address getaddrinfo gives ("localhost" is often ::1 then 127.0.0.1);
    /// the first that accepts wins. A refusal on every address is "connection refused".
    static func connect(_ target: HTTPTarget, until deadline: Int) -> Result<Int32, ConnectFailure> {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let rc = getaddrinfo(target.host, String(target.port), &hints, &list)
        guard rc == 0, let first = list else {
            return .failure(.other("host name could not be resolved"))
        }
        defer { freeaddrinfo(first) }
        var lastError = "connection refused"
        var timedOut = false
        var node: UnsafeMutablePointer<addrinfo>? = first
        while let info = node {
            node = info.pointee.ai_next
            #if canImport(Glibc)
            let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
            #else
            let type = SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC
            #endif
            let fd = socket(info.pointee.ai_family, type, 0)
            if fd < 0 { lastError = errorText(errno); continue }
            var one: Int32 = 1
            _ = setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            if Glibc.connect(fd, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0 { return .success(fd) }
            guard errno == EINPROGRESS else {
                lastError = connectText(errno)
                close(fd)
                continue
            }
            guard wait(fd, for: Int16(POLLOUT), until: deadline) else {
                timedOut = true
                close(fd)
                break
            }
            var soError: Int32 = 0
            var len = socklen_t(MemoryLayout<Int32>.size)
            _ = getsockopt(fd, SOL_SOCKET, SO_ERROR, &soError, &len)
            if soError == 0 { return .success(fd) }
            lastError = connectText(soError)
            close(fd)
        }
        return .failure(timedOut ? .timedOut : .other(lastError))
    }

    /// Waits until `fd` is ready for `events` or the deadline passes (false).
    static func wait(_ fd: Int32, for events: Int16, until deadline: Int) -> Bool {
        while true {
            let left = deadline - monotonicMs()
            if left <= 0 { return false }
            var p = pollfd(fd: fd, events: events, revents: 0)
            let n = poll(&p, 1, Int32(min(left, Int(Int32.max))))
            if n > 0 { return true }  // ready, or an error the next call reports
            if n == 0 { return false }
            if errno != EINTR { return true }
        }
    }

    static func monotonicMs() -> Int {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return ts.tv_sec * 1000 + ts.tv_nsec / 1_000_000
    }

    static func connectText(_ code: Int32) -> String {
        switch code {
        case ECONNREFUSED: "connection refused"
        case ENETUNREACH, EHOSTUNREACH: "no route to host"
        default: errorText(code)
        }
    }

    static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
