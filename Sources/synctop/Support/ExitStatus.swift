import ArgumentParser
import ProxyAdmin

/// The documented exit codes (BSD sysexits), one place.
enum ExitStatus {
    static let usage = ExitCode(64)
    static let unreachable = ExitCode(69)
    static let auth = ExitCode(77)
    static let proxy = ExitCode(70)
    /// A file that is not what it should be (an invalid beta-header mapping or cost map).
    static let dataError = ExitCode(65)
    /// A model the cost map does not have (`price`).
    static let notFound = ExitCode(66)
    /// A cost-map snapshot could not be written or read (`diff --since-last`).
    static let ioError = ExitCode(74)

    static func of(_ error: ProxyError) -> ExitCode {
        switch error.kind {
        case .unreachable: unreachable
        case .auth: auth
        case .proxy: proxy
        }
    }
}

/// Prints to stderr without Foundation, through the sanitiser and redactor (`Output`).
func printError(_ text: String) {
    var line = SafeText.forOutput(text)
    line += "\n"
    line.withCString { p in _ = fputs(p, stderrStream()) }
}

/// Our own control bytes (the progress line's `\r` and erase), already-sanitised text only.
func printErrorRaw(_ text: String) {
    text.withCString { p in _ = fputs(p, stderrStream()); _ = fflush(stderrStream()) }
}

#if canImport(Glibc)
import Glibc
/// `stderr` itself is a global C var that strict concurrency rejects.
func stderrStream() -> UnsafeMutablePointer<FILE> { fdopenStderr }
nonisolated(unsafe) private let fdopenStderr: UnsafeMutablePointer<FILE> = fdopen(2, "w")
#endif
