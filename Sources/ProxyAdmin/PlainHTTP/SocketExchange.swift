#if canImport(Glibc)
import Glibc
#endif

/// Requests over short-lived TCP connections, blocking the calling thread, with every
/// wait bounded by poll(2). Several requests to one proxy share one thread and one poll
/// loop (`performAll`): on a virtual machine a thread's wake-up costs about as much as a
/// loopback exchange, and a dashboard poll is four of them. Kept apart from the async
/// transport so the blocking part is in one place.
enum SocketExchange {
    /// `--timeout` per phase: name resolution, each address's connect (then the next
    /// address is tried), and the answer from the first byte sent to the last received.
    struct Limits {
        var connectMs: Int
        var totalMs: Int
        var maxBodyBytes: Int
    }

    /// Every request on its own connection, all under way at once; answers in request
    /// order. Each connection tries the target's addresses in turn ("localhost" is often
    /// ::1 then 127.0.0.1); a refusal on every address is "connection refused".
    static func performAll(_ target: HTTPTarget, requests: [[UInt8]], limits: Limits, describeTarget: String,
                           timeoutSeconds: Int, bodyCaps: [Int]? = nil) -> [Result<ProxyResponse, ProxyError>] {
        let addresses: [Address]
        switch resolve(host: target.host, port: Int(target.port), timeoutMs: limits.connectMs) {
        case .found(let found): addresses = found
        case .notFound: return requests.map { _ in .failure(.unreachable("host name \(target.host) could not be resolved")) }
        case .timedOut:
            return requests.map { _ in .failure(.unreachable("host name \(target.host) not resolved within \(limits.connectMs / 1000) s (--timeout)")) }
        }
        var conns = requests.indices.map { Connection(request: requests[$0], maxBodyBytes: bodyCaps?[$0] ?? limits.maxBodyBytes) }
        defer { for c in conns where c.fd >= 0 { close(c.fd) } }
        for i in conns.indices { conns[i].connectNext(addresses, now: monotonicMs(), limits: limits) }

        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        var fds: [pollfd] = []
        var owners: [Int] = []
        while conns.contains(where: { $0.result == nil }) {
            let now = monotonicMs()
            fds.removeAll(keepingCapacity: true)
            owners.removeAll(keepingCapacity: true)
            var wakeAt = Int.max
            for i in conns.indices where conns[i].result == nil {
                if now >= conns[i].phaseDeadline {
                    if conns[i].phase == .connecting {
                        // This address did not answer in time: the next one gets its own.
                        conns[i].lastError = "connection to \(describeTarget) timed out after \(limits.connectMs / 1000) s (--timeout)"
                        conns[i].closeSocket()
                        conns[i].connectNext(addresses, now: now, limits: limits)
                        if conns[i].result != nil { continue }
                    } else {
                        conns[i].finish(.timeout(seconds: timeoutSeconds))
                        continue
                    }
                }
                wakeAt = min(wakeAt, conns[i].phaseDeadline)
                let events = conns[i].phase == .receiving ? POLLIN : POLLOUT
                fds.append(pollfd(fd: conns[i].fd, events: Int16(events), revents: 0))
                owners.append(i)
            }
            if fds.isEmpty { break }
            let n = poll(&fds, nfds_t(fds.count), Int32(clamping: max(0, wakeAt - monotonicMs())))
            let code = errno
            if n < 0 && code != EINTR { // cannot wait at all: nothing more will arrive
                for i in owners { conns[i].finish(.unreachable("waiting failed: \(errorText(code))")) }
                break
            }
            guard n > 0 else { continue } // timed out or interrupted: the deadlines decide
            for (k, p) in fds.enumerated() where p.revents != 0 {
                conns[owners[k]].advance(addresses, chunk: &chunk, limits: limits, now: monotonicMs())
            }
        }
        return conns.map { $0.result ?? .failure(.timeout(seconds: timeoutSeconds)) }
    }

    /// One address getaddrinfo gave, copied out so the list can be freed at once.
    struct Address {
        var family: Int32
        var storage: sockaddr_storage
        var length: socklen_t
    }

    enum Resolution {
        case found([Address]), notFound, timedOut
        var timedOut: Bool { if case .timedOut = self { true } else { false } }
    }

    /// `resolve` within `timeoutMs`. An address literal is converted in place; a name is
    /// looked up on a thread of its own, and a lookup that outlives the timeout is left
    /// to finish there (getaddrinfo cannot be interrupted) while the request fails.
    static func resolve(host: String, port: Int, timeoutMs: Int) -> Resolution {
        if isAddressLiteral(host) { return resolve(host: host, port: port).map(Resolution.found) ?? .notFound }
        final class Lookup: @unchecked Sendable {
            let lock = ConditionLock()
            var answer: [Address]??
            var wake: [Int32] = [-1, -1]
        }
        let lookup = Lookup()
        guard pipe(&lookup.wake) == 0 else { return resolve(host: host, port: port).map(Resolution.found) ?? .notFound }
        let readEnd = lookup.wake[0], writeEnd = lookup.wake[1]
        let started = PThread.start(detached: true) {
            let found = resolve(host: host, port: port)
            lookup.lock.withLock { lookup.answer = .some(found) }
            var byte: UInt8 = 1
            _ = write(writeEnd, &byte, 1)
            close(writeEnd)
        }
        guard started != nil else {
            close(readEnd); close(writeEnd)
            return resolve(host: host, port: port).map(Resolution.found) ?? .notFound
        }
        defer { close(readEnd) }
        let deadline = monotonicMs() + timeoutMs
        var fds = [pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)]
        while lookup.lock.withLock({ lookup.answer == nil }) {
            let left = deadline - monotonicMs()
            if left <= 0 { return .timedOut }
            _ = poll(&fds, 1, Int32(clamping: left))
        }
        return lookup.lock.withLock { lookup.answer! }.map(Resolution.found) ?? .notFound
    }

    /// An IPv4 or IPv6 address written out: nothing to look up.
    static func isAddressLiteral(_ host: String) -> Bool {
        var v4 = in_addr(), v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
    }

    /// Every address of `host` in getaddrinfo's order; nil when it has none.
    static func resolve(host: String, port: Int) -> [Address]? {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let first = list else { return nil }
        defer { freeaddrinfo(first) }
        var out: [Address] = []
        var node: UnsafeMutablePointer<addrinfo>? = first
        while let info = node {
            node = info.pointee.ai_next
            var storage = sockaddr_storage()
            let length = min(info.pointee.ai_addrlen, socklen_t(MemoryLayout<sockaddr_storage>.size))
            withUnsafeMutableBytes(of: &storage) { $0.copyMemory(from: UnsafeRawBufferPointer(start: info.pointee.ai_addr, count: Int(length))) }
            out.append(Address(family: info.pointee.ai_family, storage: storage, length: length))
        }
        return out.isEmpty ? nil : out
    }

    /// One request's connection, stepped by `performAll` whenever poll says its socket is ready.
    struct Connection {
        enum Phase: Equatable { case connecting, sending, receiving }

        let request: [UInt8]
        var fd: Int32 = -1
        var phase = Phase.connecting
        var nextAddress = 0
        var sent = 0
        var reader: HTTPResponseReader
        var result: Result<ProxyResponse, ProxyError>?
        var lastError = "connection refused"
        /// When the current phase must be over: this address's connect, then the answer.
        var phaseDeadline = Int.max

        init(request: [UInt8], maxBodyBytes: Int) {
            self.request = request
            reader = HTTPResponseReader(maxBodyBytes: maxBodyBytes)
        }

        mutating func finish(_ error: ProxyError) { finish(.failure(error)) }

        mutating func finish(_ outcome: Result<ProxyResponse, ProxyError>) {
            result = outcome
            closeSocket()
        }

        mutating func closeSocket() {
            if fd >= 0 { close(fd); fd = -1 }
        }

        /// Opens a connection to the next address, with `connectMs` to succeed; connected
        /// at once, it starts sending, and the answer has `totalMs` from there.
        mutating func connectNext(_ addresses: [Address], now: Int, limits: Limits) {
            while nextAddress < addresses.count {
                var address = addresses[nextAddress]
                nextAddress += 1
                #if canImport(Glibc)
                let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
                #else
                let type = SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC
                #endif
                let s = socket(address.family, type, 0)
                if s < 0 { lastError = errorText(errno); continue }
                var one: Int32 = 1
                _ = setsockopt(s, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
                let rc = withUnsafePointer(to: &address.storage) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(s, $0, address.length) }
                }
                if rc == 0 || errno == EINPROGRESS {
                    fd = s
                    phase = rc == 0 ? .sending : .connecting
                    phaseDeadline = now + (rc == 0 ? limits.totalMs : limits.connectMs)
                    return
                }
                lastError = connectText(errno)
                close(s)
            }
            finish(.unreachable(lastError))
        }

        mutating func advance(_ addresses: [Address], chunk: inout [UInt8], limits: Limits, now: Int) {
            switch phase {
            case .connecting:
                var soError: Int32 = 0
                var len = socklen_t(MemoryLayout<Int32>.size)
                _ = getsockopt(fd, SOL_SOCKET, SO_ERROR, &soError, &len)
                guard soError == 0 else {
                    lastError = connectText(soError)
                    closeSocket()
                    connectNext(addresses, now: now, limits: limits)
                    return
                }
                phase = .sending
                phaseDeadline = now + limits.totalMs
                send()
            case .sending:
                send()
            case .receiving:
                receive(&chunk, limits: limits)
            }
        }

        private mutating func send() {
            while sent < request.count {
                let n = request.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + sent, request.count - sent, Int32(MSG_NOSIGNAL)) }
                if n < 0 {
                    if errno == EINTR { continue }
                    if errno == EAGAIN { return } // the next POLLOUT goes on
                    finish(.unreachable("sending failed: \(errorText(errno))"))
                    return
                }
                sent += n
            }
            phase = .receiving
        }

        private mutating func receive(_ chunk: inout [UInt8], limits: Limits) {
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
                    if let done = try step.get() { finish(.success(done)) }
                } else if n == 0 {
                    finish(.success(try reader.finish()))
                } else if errno == EINTR || errno == EAGAIN {
                    return
                } else if errno == ECONNRESET {
                    finish(.unreachable("the proxy reset the connection"))
                } else {
                    finish(.unreachable("receiving failed: \(errorText(errno))"))
                }
            } catch {
                switch error {
                case .tooLarge: finish(.badResponse(HTTPResponseReader.tooLargeText(reader.maxBodyBytes)))
                case .malformed(let why): finish(.badResponse(why))
                }
            }
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
