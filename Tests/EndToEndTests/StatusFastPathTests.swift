import ArgumentParser
import Foundation
import Testing
@testable import synctop

/// `status`'s own argument reader must agree with ArgumentParser on every form it takes,
/// and hand everything else to it.
struct StatusFastPathTests {
    struct Values: Equatable {
        var url, keyFile, caFile, config: String?
        var timeout: Int?
        var json: Bool

        init(_ c: StatusCommand) {
            url = c.connection.url
            keyFile = c.connection.keyFile
            caFile = c.connection.caFile
            config = c.connection.configFile.config
            timeout = c.connection.timeout
            json = c.json
        }
    }

    static let taken: [[String]] = [
        ["status"],
        ["status", "--json"],
        ["status", "--url", "http://127.0.0.1:4000"],
        ["status", "--json", "--url=http://h:1/x", "--timeout", "7"],
        ["status", "--key-file", "/k", "--config", "/c.toml", "--ca-file", "/ca.pem", "--json"],
        ["status", "--timeout=300", "--url", "http://a=b"],
        ["status", "--timeout", "+1"],
        ["status", "--url", "http://x", "--json", "--key-file=k"],
    ]

    @Test(arguments: taken)
    func sameValuesAsArgumentParser(_ argv: [String]) throws {
        let fast = try #require(StatusFastPath.command(argv), "\(argv)")
        let parsed = try #require(try Synctop.parseAsRoot(argv) as? StatusCommand)
        #expect(Values(fast) == Values(parsed), "\(argv)")
    }

    static let declined: [[String]] = [
        [], ["dashboard"], ["stat"], ["status", "--help"], ["status", "-h"], ["status", "help"],
        ["status", "--url"], ["status", "--url="], ["status", "--url", "-x"], ["status", "--url", "--json"],
        ["status", "--json", "--json"], ["status", "--url", "a", "--url", "b"],
        ["status", "--timeout", "0"], ["status", "--timeout", "301"], ["status", "--timeout", "x"],
        ["status", "--bogus"], ["status", "--bogus=1"], ["status", "extra"], ["status", "--"],
        ["status", "--experimental-dump-help"], ["status", "--generate-completion-script", "bash"],
        ["--url", "http://x", "status"],
    ]

    @Test(arguments: declined)
    func otherFormsGoToArgumentParser(_ argv: [String]) {
        #expect(StatusFastPath.command(argv) == nil, "\(argv)")
    }

    /// A new option on `status` (or a renamed one) must be taught to the fast path too.
    @Test func knowsExactlyTheOptionsStatusDeclares() throws {
        let dump = StatusCommand._dumpHelp()
        let root = try #require(JSONSerialization.jsonObject(with: Data(dump.utf8)) as? [String: Any])
        let command = try #require(root["command"] as? [String: Any])
        let arguments = try #require(command["arguments"] as? [[String: Any]])
        var options: Set<String> = [], flags: Set<String> = []
        for argument in arguments {
            let names = (argument["names"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            let kind = argument["kind"] as? String
            let isHelp = names.contains("help")
            for name in names where !isHelp && name.count > 1 {
                if kind == "option" { options.insert(name) } else if kind == "flag" { flags.insert(name) }
            }
            #expect(kind != "positional", "status has no positional arguments")
        }
        #expect(options == StatusFastPath.valueOptions)
        // --all-contexts and --pods read several targets: the fast path leaves them to
        // ArgumentParser (it returns nil for any flag but --json).
        #expect(flags == ["json", "all-contexts", "pods"])
        #expect(StatusFastPath.command(["status", "--pods"]) == nil && StatusFastPath.command(["status", "--all-contexts"]) == nil)
    }
}
