import ArgumentParser
import ProxyAdmin

/// A monitoring system reads any exit above 2 as UNKNOWN only when it is 3: `check`'s bad
/// flags, config or key file exit 3 with a plugin-style line, not the usual 64.
enum CheckExit {
    static func unknownIfCheck(_ arguments: [String], _ error: any Error) {
        guard arguments.first == "check" else { return }
        if let code = error as? ExitCode, (0...2).contains(code.rawValue) { return }
        if Synctop.exitCode(for: error) == .success { return } // --help, --version
        let message: String = if let unknown = error as? CheckUnknown { unknown.description } else {
            Synctop.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
        }
        let said = message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message
        printOut("SYNCTOP UNKNOWN - " + (said.isEmpty ? "nothing checked: bad flags or configuration (the reason is on stderr)" : said))
        Synctop.exit(withError: ExitCode(3))
    }
}
