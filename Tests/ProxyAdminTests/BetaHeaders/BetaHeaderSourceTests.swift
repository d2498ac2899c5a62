import Foundation
import Synchronization
import Testing
@testable import ProxyAdmin

@Suite struct BetaHeaderSourceTests {
    // MARK: resolution order

    @Test func flagsThenEnvironmentThenDefault() {
        let env = ["LITELLM_ANTHROPIC_BETA_HEADERS_URL": "https://mirror.example/m.json"]
        #expect(BetaHeaderSource.resolve(fileFlag: "m.json", urlFlag: "https://u", environment: env)
            == .init(location: .file("m.json"), origin: .fileFlag))
        #expect(BetaHeaderSource.resolve(fileFlag: nil, urlFlag: "https://u", environment: env)
            == .init(location: .url("https://u"), origin: .urlFlag))
        #expect(BetaHeaderSource.resolve(fileFlag: nil, urlFlag: nil, environment: env)
            == .init(location: .url("https://mirror.example/m.json"), origin: .urlEnvironment))
        #expect(BetaHeaderSource.resolve(fileFlag: nil, urlFlag: nil, environment: [:])
            == .init(location: .url(BetaHeaderSource.defaultURL), origin: .defaultValue))
        #expect(BetaHeaderSource.resolve(fileFlag: "", urlFlag: "", environment: ["LITELLM_ANTHROPIC_BETA_HEADERS_URL": ""]).origin == .defaultValue)
    }

    @Test func localOnlyVariableMeansTheBundledCopyUnlessAFlagSaysOtherwise() {
        for value in ["true", "True", "TRUE"] {
            let env = ["LITELLM_LOCAL_ANTHROPIC_BETA_HEADERS": value, "LITELLM_ANTHROPIC_BETA_HEADERS_URL": "https://x"]
            #expect(BetaHeaderSource.resolve(fileFlag: nil, urlFlag: nil, environment: env)
                == .init(location: .bundled, origin: .localOnlyEnvironment))
            #expect(BetaHeaderSource.resolve(fileFlag: "f", urlFlag: nil, environment: env).origin == .fileFlag)
        }
        let notTrue = ["LITELLM_LOCAL_ANTHROPIC_BETA_HEADERS": "1"]
        #expect(BetaHeaderSource.resolve(fileFlag: nil, urlFlag: nil, environment: notTrue).origin == .defaultValue)
    }

    @Test func defaultIsLiteLLMs() {
        #expect(BetaHeaderSource.defaultURL
            == "https://raw.githubusercontent.com/BerriAI/litellm/main/litellm/anthropic_beta_headers_config.json")
        #expect(BetaHeaderSource.resolve(fileFlag: nil, urlFlag: nil, environment: [:]).description
            == "https://raw.githubusercontent.com/BerriAI/litellm/main/litellm/anthropic_beta_headers_config.json (default)")
    }

    @Test func diffArguments() {
        #expect(BetaHeaderSource.argument("https://x/m.json").location == .url("https://x/m.json"))
        #expect(BetaHeaderSource.argument("HTTP://x/m.json").location == .url("HTTP://x/m.json"))
        #expect(BetaHeaderSource.argument("old.json").location == .file("old.json"))
        #expect(BetaHeaderSource.argument("./http-dump.json").location == .file("./http-dump.json"))
        #expect(BetaHeaderSource.argument("old.json").description == "old.json")
    }

    // MARK: loading, with fakes

    private static let newBytes: [UInt8] = try! BetaFixtures.bytes(BetaFixtures.new)
    private static let oldBytes: [UInt8] = try! BetaFixtures.bytes(BetaFixtures.old)

    private static func files(_ files: [String: [UInt8]]) -> BetaHeaderLoader.ReadFile {
        { (path: String) throws(SettingsError) -> [UInt8]? in
            if path == "/denied" { throw .unreadable(path, "Permission denied") }
            return files[path]
        }
    }

    /// What the fake fetch was asked for.
    private final class Requests: Sendable {
        let seen = Mutex<[String]>([])
        var all: [String] { seen.withLock { $0 } }
    }

    private static func fetch(_ answer: Result<[UInt8], HTTPGet.Failure>, requests: Requests? = nil) -> BetaHeaderLoader.Fetch {
        { (url: String, timeout: Int) async throws(HTTPGet.Failure) -> [UInt8] in
            requests?.seen.withLock { $0.append("\(url) \(timeout)") }
            return try answer.get()
        }
    }

    @Test func aReadableSourceIsUsed() async throws {
        let file = BetaHeaderSource(location: .file("/m.json"), origin: .fileFlag)
        let load = await BetaHeaderLoader.load(file, fetch: Self.fetch(.failure(.status(500))), readFile: Self.files(["/m.json": Self.oldBytes]))
        #expect(load.failure == nil && !load.usesBundledCopy)
        #expect(try load.mapping == BetaHeaderMapping(parsing: Self.oldBytes))
        #expect(load.summary == "/m.json (--beta-headers-file)")

        let requests = Requests()
        let url = BetaHeaderSource.resolve(fileFlag: nil, urlFlag: nil, environment: [:])
        let fetched = await BetaHeaderLoader.load(url, fetch: Self.fetch(.success(Self.oldBytes), requests: requests), readFile: Self.files([:]))
        #expect(fetched.failure == nil)
        #expect(fetched.mapping.providers.count == 6)
        #expect(requests.all == ["\(BetaHeaderSource.defaultURL) 5"])
    }

    @Test func anyFailureFallsBackToTheBundledCopyAndSaysWhy() async {
        let url = BetaHeaderSource(location: .url("https://x/m.json"), origin: .urlEnvironment)
        let cases: [(BetaHeaderSource, Result<[UInt8], HTTPGet.Failure>, String)] = [
            (url, .failure(.status(404)), "cannot read https://x/m.json: the server answered HTTP 404"),
            (url, .failure(.timeout(seconds: 5)), "cannot read https://x/m.json: no complete answer within 5 s (--timeout)"),
            (url, .success(Array("{\"anthropic\": {".utf8)), "https://x/m.json is not a valid mapping: not valid JSON: line 1, column 16: expected '\"' to start a key, found end of input"),
            (url, .success(Array("{\"openai\": {}}".utf8)), "https://x/m.json is not a valid mapping: none of the provider keys anthropic, azure_ai, bedrock, bedrock_converse, vertex_ai "
             + "is there; its 1 key(s) begin \"openai\". A mapping is LiteLLM's anthropic_beta_headers_config.json"),
            (.init(location: .file("/missing.json"), origin: .fileFlag), .success([]), "cannot read /missing.json: no such file"),
            (.init(location: .file("/denied"), origin: .fileFlag), .success([]), "cannot read /denied: Permission denied"),
            (.init(location: .file("/empty.json"), origin: .fileFlag), .success([]), "/empty.json is not a valid mapping: empty: the top-level object has no keys"),
        ]
        for (source, answer, reason) in cases {
            let load = await BetaHeaderLoader.load(source, fetch: Self.fetch(answer), readFile: Self.files(["/empty.json": Array("{}".utf8)]))
            #expect(load.usesBundledCopy)
            #expect(load.failure?.description == reason)
            #expect(load.summary == "bundled copy — may differ from what the proxy loaded: \(reason)")
            #expect(load.mapping == BetaHeaderLoader.bundled)
        }
    }

    @Test func localOnlyLoadsTheBundledCopyWithoutFetching() async {
        let requests = Requests()
        let source = BetaHeaderSource(location: .bundled, origin: .localOnlyEnvironment)
        let load = await BetaHeaderLoader.load(source, fetch: Self.fetch(.success([]), requests: requests), readFile: Self.files([:]))
        #expect(load.failure == nil && load.usesBundledCopy)
        #expect(requests.all.isEmpty)
        #expect(load.summary.hasPrefix("bundled copy (LiteLLM 1.109.1) — LITELLM_LOCAL_ANTHROPIC_BETA_HEADERS is set"))
    }

    @Test func loadExactlyHasNoFallback() async throws {
        let old = BetaHeaderSource.argument("/old.json")
        let mapping = try await BetaHeaderLoader.loadExactly(old, fetch: Self.fetch(.failure(.status(500))), readFile: Self.files(["/old.json": Self.oldBytes]))
        #expect(mapping.providers.count == 6)
        await #expect(throws: BetaHeaderLoadError.unreadable(source: "https://x", reason: "the server answered HTTP 500")) {
            try await BetaHeaderLoader.loadExactly(.argument("https://x"), fetch: Self.fetch(.failure(.status(500))), readFile: Self.files([:]))
        }
        await #expect(throws: BetaHeaderLoadError.invalid(source: "/bad.json", .notAnObject(found: "an array"))) {
            try await BetaHeaderLoader.loadExactly(.argument("/bad.json"), fetch: Self.fetch(.success([])), readFile: Self.files(["/bad.json": Array("[]".utf8)]))
        }
    }

    // MARK: the real file reader and HTTP client, without the internet

    @Test func liveReaderReadsARealFile() async throws {
        let load = await BetaHeaderLoader.load(.init(location: .file(BetaFixtures.path(BetaFixtures.old)), origin: .fileFlag))
        #expect(load.failure == nil)
        #expect(try load.mapping == BetaFixtures.mapping(BetaFixtures.old))
        let missing = await BetaHeaderLoader.load(.init(location: .file("/nonexistent/m.json"), origin: .fileFlag))
        #expect(missing.failure == .unreadable(source: "/nonexistent/m.json", reason: "no such file"))
    }

    @Test func liveFetchRefusesOtherSchemesAndReportsARefusedConnection() async {
        await #expect(throws: HTTPGet.Failure.notHTTP("file:///etc/passwd")) {
            try await HTTPGet.fetch("file:///etc/passwd")
        }
        // Port 1 on loopback: nothing listens there.
        await #expect(throws: HTTPGet.Failure.unreachable("connection refused")) {
            try await HTTPGet.fetch("http://127.0.0.1:1/m.json")
        }
    }
}
