import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// `synctop status` without swift-argument-parser's parse.
///
/// Why: the parse reflects over every command's properties, and each first-time protocol
/// conformance check scans the whole binary's conformance table: about 5 ms of a 13 ms
/// `status` run (perf, issue 2), all of it before the first request leaves. Scripts run
/// `status` in loops, and issue 2 budgets it against four curls.
///
/// Only the plain forms are taken here: the options `status` declares, each at most once,
/// with a value that is not empty and does not start with "-". Anything else (help, a
/// repeated or unknown flag, a bad timeout) returns nil and goes to ArgumentParser, which
/// says what is wrong in its usual words. `StatusFastPathTests` checks that every form taken
/// here parses to the same values through ArgumentParser, and that the option names match
/// what `StatusCommand` declares.
enum StatusFastPath {
    /// The parsed command, or nil to let ArgumentParser handle the arguments.
    /// `arguments` excludes the program name.
    static func command(_ arguments: [String]) -> StatusCommand? {
        guard arguments.first == "status" else { return nil }
        var values: [String: String] = [:]
        var json = false
        var rest = arguments.dropFirst()
        while let word = rest.popFirst() {
            if word == "--json" {
                if json { return nil }
                json = true
                continue
            }
            guard word.hasPrefix("--") else { return nil }
            var name = String(word.dropFirst(2))
            let value: String
            if let eq = name.firstIndex(of: "=") {
                value = String(name[name.index(after: eq)...])
                name = String(name[..<eq])
            } else {
                guard let next = rest.popFirst() else { return nil }
                value = next
            }
            guard valueOptions.contains(name), values[name] == nil,
                  !value.isEmpty, !value.hasPrefix("-") else { return nil }
            values[name] = value
        }
        var timeout: Int?
        if let text = values["timeout"] {
            guard let t = Int(text), (1...300).contains(t) else { return nil }
            timeout = t
        }
        // Setting the wrappers' values is ArgumentParser's public API (as in its own tests);
        // it leaves nothing for `run()` to parse.
        var connection = ConnectionOptions()
        connection.url = values["url"]
        connection.keyFile = values["key-file"]
        connection.timeout = timeout
        connection.caFile = values["ca-file"]
        connection.context = values["context"]
        // --url and --context together: ArgumentParser's validate() words the refusal.
        if connection.url != nil && connection.context != nil { return nil }
        var configFile = ConfigOption()
        configFile.config = values["config"]
        connection.configFile = configFile
        var command = StatusCommand()
        command.connection = connection
        command.json = json
        command.allContexts = false
        command.pods = false
        return command
    }

    /// The value-taking options of `status` (its flag is `--json`).
    static let valueOptions: Set<String> = ["url", "key-file", "timeout", "config", "ca-file", "context"]

    /// Runs `command` as ArgumentParser's `main` would: its exit codes, its error messages.
    static func run(_ command: StatusCommand) async -> Never {
        do {
            try await command.run()
            exit(0)
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch {
            Synctop.exit(withError: error)
        }
    }
}
