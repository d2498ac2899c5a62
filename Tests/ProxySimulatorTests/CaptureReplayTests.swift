import ProxySimulator
import Testing

/// Replays every request of each real capture against a simulator in the same mode and
/// compares status and body: same keys in the same order, same values, timestamps by shape
/// (and `next_run - last_run` must equal the interval).
@Suite struct CaptureReplayTests {
    struct CaptureLine {
        let method: String
        let path: String
        let auth: String?
        let status: Int
        let body: OrderedJSON
    }

    enum CaptureFile: String, CaseIterable, CustomTestStringConvertible {
        case v1_100_5NoDB = "litellm-1.100.5-no-db.jsonl"
        case v1_100_5WithDB = "litellm-1.100.5-with-db.jsonl"
        case v1_109_1WithDB = "litellm-1.109.1-with-db.jsonl"
        case v1_110_2NoDB = "litellm-1.110.2-no-db.jsonl"
        case v1_110_2WithDB = "litellm-1.110.2-with-db.jsonl"

        var testDescription: String { rawValue }

        var text: String {
            switch self {
            case .v1_100_5NoDB: CaptureFiles.v1_100_5NoDB
            case .v1_100_5WithDB: CaptureFiles.v1_100_5WithDB
            case .v1_109_1WithDB: CaptureFiles.v1_109_1WithDB
            case .v1_110_2NoDB: CaptureFiles.v1_110_2NoDB
            case .v1_110_2WithDB: CaptureFiles.v1_110_2WithDB
            }
        }

        var version: LiteLLMVersion {
            switch self {
            case .v1_100_5NoDB, .v1_100_5WithDB: .v1_100_5
            case .v1_109_1WithDB: .v1_109_1
            case .v1_110_2NoDB, .v1_110_2WithDB: .v1_110_2
            }
        }
        var hasDatabase: Bool { self != .v1_100_5NoDB && self != .v1_110_2NoDB }
        var lineCount: Int { self == .v1_110_2WithDB ? 48 : 25 }

        /// What the capture's proxy had done before its first line. Its "remote" file server
        /// served 1.100.5's cost map (`source_revision` df2adebb… is that file's blob id).
        var setup: [(String, String)] {
            switch self {
            case .v1_100_5NoDB: []
            case .v1_100_5WithDB:
                [("POST", "/reload/model_cost_map"), ("POST", "/reload/anthropic_beta_headers")]
            case .v1_109_1WithDB:
                [("POST", "/reload/model_cost_map"), ("POST", "/schedule/model_cost_map_reload?hours=6"),
                 ("POST", "/reload/anthropic_beta_headers")]
            // 1.110.2's proxies were fresh, fetching 1.110.2's own file: the simulator's start.
            case .v1_110_2NoDB, .v1_110_2WithDB: []
            }
        }

        /// What the capture's operator did to the remote source before a line (1-based), as
        /// the README lists it: simulator controls (method, path, body).
        var remoteChanges: [Int: (String, String, String?)] {
            guard self == .v1_110_2WithDB else { return [:] }
            return [
                27: ("POST", "/_sim/remote?cost_map=invalid-json", nil),
                28: ("POST", "/_sim/remote?cost_map=list", nil),
                29: ("POST", "/_sim/remote?cost_map=empty", nil),
                30: ("POST", "/_sim/remote?cost_map=small:3", nil),
                31: ("POST", "/_sim/remote?cost_map=small:2437", nil),
                32: ("POST", "/_sim/remote?cost_map=small:2438", nil),
                34: ("POST", "/_sim/remote?cost_map=http:404", nil),
                35: ("POST", "/_sim/remote?cost_map=unreachable", nil),
                38: ("PUT", "/_sim/remote/beta_headers", Self.twoColumnBetaFile),
                39: ("POST", "/_sim/remote?beta_headers=invalid-json", nil),
                40: ("PUT", "/_sim/remote/beta_headers", #"{"openai":{}}"#),
                41: ("POST", "/_sim/remote?beta_headers=http:404", nil),
                42: ("POST", "/_sim/remote?beta_headers=unreachable", nil),
            ]
        }

        /// "a file with `anthropic`, `anthropic_header_only` and `provider_aliases` gives 2".
        static let twoColumnBetaFile = #"{"description":"two columns","anthropic":{"context-1m-2025-08-07":"context-1m-2025-08-07"},"anthropic_header_only":{},"provider_aliases":{"claude":"anthropic"}}"#

        /// The revision of a file the capture's operator made (2,438 entries) and did not keep:
        /// only its shape (a git blob id) can be compared.
        static let unkeptRevisions: Set<String> = ["8b4bd4034e1dc202eb177788d19fe0dfc1d47071"]

        func lines() throws -> [CaptureLine] {
            try text.split(separator: "\n").map { raw in
                let line = try OrderedJSON.parse(String(raw))
                return CaptureLine(
                    method: line["method"]!.stringValue!,
                    path: line["path"]!.stringValue!,
                    auth: line["auth"]!.stringValue,
                    status: line["status"]!.intValue!,
                    body: line["body"]!
                )
            }
        }
    }

    @Test(arguments: CaptureFile.allCases)
    func replay(_ file: CaptureFile) async throws {
        let lines = try file.lines()
        #expect(lines.count == file.lineCount)
        try await Harness.withSimulator({
            $0.litellmVersion = file.version
            $0.hasDatabase = file.hasDatabase
            $0.remoteRetryDelays = false  // the 8 s of retries are `RemoteSourceTests`' business
        }) { sim async throws in
            if !file.setup.isEmpty {
                #expect(try await Harness.send(sim, "POST", "/_sim/remote?release=1.100.5", key: nil).status == 200)
            }
            for (method, path) in file.setup {
                #expect(try await Harness.send(sim, method, path).status == 200, "setup \(method) \(path)")
            }
            for (index, line) in lines.enumerated() {
                if let (method, path, body) = file.remoteChanges[index + 1] {
                    let sent = try await Harness.send(sim, method, path, key: nil, body: body.map { Array($0.utf8) })
                    #expect(sent.status == 200, "\(method) \(path): \(sent.text)")
                }
                let key: String?
                switch line.auth {
                case "Bearer sk-ma", "Bearer sk-pe": key = Keys.master
                case "Bearer sk-wr": key = Keys.wrong
                case nil: key = nil
                default: Issue.record("unknown auth \(String(describing: line.auth))"); continue
                }
                let response = try await Harness.send(sim, line.method, line.path, key: key)
                let label = "\(file.rawValue): \(line.method) \(line.path) [\(line.auth ?? "no key")]"
                #expect(response.status == line.status, "\(label)")
                var expected = line.body
                // The with-db captures ran against an in-memory stand-in for the database, so
                // readiness there said "Not connected"; a proxy with a database says "connected".
                if line.path == "/health/readiness" && file.hasDatabase {
                    expected = .object([("status", .string("healthy")), ("db", .string("connected"))])
                }
                expected = Self.asSimulatorSource(expected)
                let problems = Self.compare(expected: expected, actual: try response.json(), at: "body")
                #expect(problems.isEmpty, "\(label): \(problems.joined(separator: "; "))\n  got \(response.text)")
            }
        }
    }

    static let timestampKeys: Set<String> = ["last_run", "next_run", "timestamp", "loaded_at"]

    /// 1.110.2's captured proxy fetched from a loopback file server (`127.0.0.1:5600`), the
    /// simulator names GitHub: its 502 reasons quote that URL and, when refused, that address.
    static func asSimulatorSource(_ body: OrderedJSON) -> OrderedJSON {
        guard case .string(let detail)? = body["detail"], detail.contains("127.0.0.1:5600") else { return body }
        let simulated = detail
            .replacing("http://127.0.0.1:5600/model_prices_and_context_window.json",
                       with: "https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json")
            .replacing("host 127.0.0.1:5600", with: "host raw.githubusercontent.com:443")
            .replacing("('127.0.0.1', 5600)", with: "('185.199.108.133', 443)")
        return .object([("detail", .string(simulated))])
    }

    /// Structural comparison; returns what differs.
    static func compare(expected: OrderedJSON, actual: OrderedJSON, at path: String, key: String? = nil) -> [String] {
        switch (expected, actual) {
        case (.object(let want), .object(let got)):
            let wantKeys = want.map(\.0), gotKeys = got.map(\.0)
            guard wantKeys == gotKeys else { return ["\(path): keys \(gotKeys) instead of \(wantKeys)"] }
            var problems: [String] = []
            for ((name, wantValue), (_, gotValue)) in zip(want, got) {
                problems += compare(expected: wantValue, actual: gotValue, at: "\(path).\(name)", key: name)
            }
            problems += checkInterval(actual)
            return problems
        case (.array(let want), .array(let got)):
            guard want.count == got.count else { return ["\(path): \(got.count) items instead of \(want.count)"] }
            return zip(want, got).enumerated().flatMap { compare(expected: $1.0, actual: $1.1, at: "\(path)[\($0)]") }
        case (.string(let want), .string(let got)) where key.map(timestampKeys.contains) == true:
            let sameShape = (Timestamp.isAware(want) && Timestamp.isAware(got)) || (Timestamp.isNaive(want) && Timestamp.isNaive(got))
            return sameShape ? [] : ["\(path): timestamp \(got) does not have the shape of \(want)"]
        case (.string, .string) where key == "url":
            return []  // The capture's proxy fetched from a loopback file server, the simulator names GitHub.
        case (.string(let want), .string(let got)) where key == "source_revision" && CaptureFile.unkeptRevisions.contains(want):
            let isBlobID = got.count == 40 && got.allSatisfy { $0.isHexDigit } && got != want
            return isBlobID ? [] : ["\(path): \(got) is not the blob id of another file"]
        default:
            return expected == actual ? [] : ["\(path): \(actual) instead of \(expected)"]
        }
    }

    /// Wherever a body carries an interval with both run times, they must be one interval apart.
    static func checkInterval(_ object: OrderedJSON) -> [String] {
        guard let hours = object["interval_hours"]?.intValue,
              let last = object["last_run"]?.stringValue, let next = object["next_run"]?.stringValue
        else { return [] }
        let gap = Timestamp.seconds(from: last, to: next)
        return gap == Double(hours * 3600) ? [] : ["next_run - last_run = \(String(describing: gap)) s, not \(hours) h"]
    }
}
