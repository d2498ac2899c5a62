import NIOCore
import NIOPosix

/// One https GET of a public file, for `HTTPGet`, over `TLSExchange` (which says why not
/// AsyncHTTPClient): the dashboard reads the mapping over https at start.
enum TLSGet {
    struct Target: Equatable {
        var host: String
        var port: Int
        /// Path and query, "/" when the URL has none.
        var path: String
        var hostHeader: String

        /// `https://host[:port]/path?query`; nil for anything else (user info, a bad port).
        static func parse(_ url: String) -> Target? {
            let scheme = "https://"
            guard url.lowercased().hasPrefix(scheme) else { return nil }
            let rest = url.dropFirst(scheme.count)
            let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            var path = String(rest.dropFirst(authority.count).prefix { $0 != "#" })
            if path.isEmpty || path.hasPrefix("?") { path = "/" + path }
            guard !authority.contains("@"), !path.contains(" "),
                  let (host, port) = HTTPTarget.hostAndPort(Substring(authority), defaultPort: 443) else { return nil }
            return Target(host: host, port: Int(port), path: path, hostHeader: String(authority))
        }
    }

    /// As `httpx.get(url, timeout=5)`, but stricter: the name, the connect, the handshake
    /// and the whole answer within `timeoutSeconds` (`--timeout`), the number errors state. The
    /// system's trust roots, or only the PEM certificates in `caFile` (tests, private mirrors).
    static func fetch(_ target: Target, timeoutSeconds: Int, maxBytes: Int, caFile: String? = nil) async -> Result<[UInt8], HTTPGet.Failure> {
        let outcome: Result<ProxyResponse, TLSExchange.Failure>
        do throws(TLSExchange.Failure) {
            // The name first: building the context parses the system's trust roots (about
            // 2 MB resident for good), not worth it for a host that cannot be found.
            let addresses = try await TLSExchange.resolve(host: target.host, port: target.port, timeoutSeconds: timeoutSeconds).get()
            let context = try TLSExchange.context(caFile: caFile)
            let request = HTTPTarget(host: target.host, port: UInt16(target.port), pathPrefix: target.path, hostHeader: target.hostHeader)
                .requestHead(method: "GET", path: "", apiKey: nil)
            let limits = TLSExchange.Limits(connectSeconds: timeoutSeconds, readIdleSeconds: timeoutSeconds,
                                            deadline: .now() + .seconds(Int64(timeoutSeconds)), maxBodyBytes: maxBytes)
            let future = TLSExchange.perform(request, addresses: addresses, serverName: target.host, context: context,
                                             limits: limits, on: MultiThreadedEventLoopGroup.singleton.next())
            do {
                outcome = .success(try await future.get())
            } catch {
                outcome = .failure(TLSExchange.describe(error))
            }
        } catch {
            outcome = .failure(error)
        }
        switch outcome {
        case .success(let response):
            guard (200..<300).contains(response.status) else { return .failure(.status(response.status)) }
            return .success(response.body)
        case .failure(.connectTimedOut), .failure(.timeout): return .failure(.timeout(seconds: timeoutSeconds))
        case .failure(.tooLarge): return .failure(.tooLarge(maxBytes: maxBytes))
        case .failure(let failure): return .failure(.unreachable(failure.words ?? "\(failure)"))
        }
    }
}
