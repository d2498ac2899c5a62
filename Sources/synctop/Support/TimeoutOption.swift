import ArgumentParser
import ProxyAdmin
#if canImport(Glibc)
import Glibc
#endif

/// `--timeout` for commands that fetch a file rather than ask a proxy (`mappings`,
/// `check-headers`, `mappings diff`): the name, each connect and the whole download.
struct TimeoutOption: ParsableArguments {
    @Option(help: "Seconds for each download: name lookup, connect, and the whole file (default 5, as LiteLLM's own fetch).")
    var timeout: Int?

    func validate() throws {
        if let timeout, !(1...300).contains(timeout) { throw ValidationError("--timeout must be 1 to 300 seconds") }
    }

    var seconds: Int { timeout ?? BetaHeaderLoader.timeoutSeconds }

    /// The loader's fetch, with progress on a terminal.
    var fetch: BetaHeaderLoader.Fetch { { (url: String, seconds: Int) async throws(HTTPGet.Failure) -> [UInt8] in
        try await DownloadProgress.fetch(url, timeoutSeconds: seconds)
    } }
}

/// A download that takes more than a second says so on stderr, when stderr is a terminal:
/// "downloading https://… 3 s (--timeout 30)", one line rewritten each second and cleared
/// at the end, so a slow mirror does not look like a hang.
enum DownloadProgress {
    static func fetch(_ url: String, timeoutSeconds: Int) async throws(HTTPGet.Failure) -> [UInt8] {
        guard isatty(2) == 1 else { return try await HTTPGet.fetch(url, timeoutSeconds: timeoutSeconds) }
        let shown = URLText.display(url)
        let ticker = Task {
            var seconds = 0
            var drew = false
            while !Task.isCancelled {
                do { try await Task.sleep(nanoseconds: 1_000_000_000) } catch { break }
                seconds += 1
                printErrorRaw("\r\u{1B}[Ksynctop: downloading \(SafeText.escaped(shown)) … \(seconds) s (--timeout \(timeoutSeconds))")
                drew = true
            }
            if drew { printErrorRaw("\r\u{1B}[K") }
        }
        defer { ticker.cancel() }
        let result: Result<[UInt8], HTTPGet.Failure>
        do throws(HTTPGet.Failure) { result = .success(try await HTTPGet.fetch(url, timeoutSeconds: timeoutSeconds)) } catch { result = .failure(error) }
        ticker.cancel()
        _ = await ticker.value
        return try result.get()
    }
}
