#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ConsoleUI
@testable import ProxyAdmin

/// Everything synctop parses from outside, one entry per input: the JSON parser, the
/// status / source / health / action answers as the client decodes them (HTML pages
/// included), the beta-header mapping and cost-map validators, /model/info, the history
/// line, config.toml and theme files, and the diff's byte walk against its tree walk
/// (a disagreement is a finding). A crash, a trap or an ASan report is a finding;
/// a thrown error is the expected answer to junk.
enum FuzzTargets {
    static func run(_ bytes: [UInt8]) {
        _ = try? JSONParser.parse(bytes)
        let client = ProxyAdminClient(transport: NoTransport(), apiKey: "sk-fuzz", timeoutSeconds: 1)
        _ = client.decodeBody(JobStatus.self, .success(bytes), .jobStatus(.costMap))
        _ = client.decodeBody(CostMapSource.self, .success(bytes), .costMapSource)
        _ = HTMLPage(bytes)
        _ = ProxyError.classify(status: 500, body: bytes, keySent: true)
        _ = ProxyError.classify(status: 401, body: bytes, keySent: true)
        _ = try? BetaHeaderMapping(parsing: bytes)
        if let map = try? CostMap.parse(bytes) {
            _ = CostMapValidation.check(entries: CostMapValidation.countedEntries(map), version: "1.110.2")
            _ = CostMapDiff(old: CostMap(entries: []), new: map)
            // The diff compares entries from their bytes; it must say what the tree says.
            for (old, new) in zip(map.entries, map.entries.dropFirst()) where CostMapDiff.fieldChanges(old, new) != CostMapDiff.fieldChanges(old.value, new.value) {
                fatalError("the byte diff and the tree diff disagree: \(old.name) → \(new.name)")
            }
        }
        _ = bytes.withUnsafeBufferPointer { JSONMembers($0) }
        _ = try? Deployment.parseList(bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        _ = HistoryRecord(jsonLine: text)
        _ = ConfigFile.parse(text, file: "fuzz.toml")
        _ = Theme.parse(text, file: "fuzz.toml")
        _ = SafeText.forOutput(text)
    }
}

/// The client's decoding is what is fuzzed here; it never sends.
struct NoTransport: ProxyTransport {
    func send(_ endpoint: Endpoint, apiKey: String?, timeoutSeconds: Int) async throws(ProxyError) -> ProxyResponse { throw .unreachable("fuzzing") }
    func shutdown() async {}
}

#if FUZZING
/// libFuzzer's driver, from the runtime `-sanitize=fuzzer` links in.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzTargets.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

/// SwiftPM links an executable's entry as `<module>_main` and points `main` at it, so the
/// entry is ours and hands over to libFuzzer's driver (its own `main` is never linked).
@_cdecl("synctop_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var args = argv
    return LLVMFuzzerRunDriver(&count, &args) { data, size in fuzzOne(data, size) }
}
#else
/// Without libFuzzer: runs every file given (or every file in the folders given) through
/// the same entry, so a corpus or a crash file replays in an ordinary build and in CI.
@main
struct ReplayCorpus {
    static func main() {
        var files: [String] = []
        for arg in CommandLine.arguments.dropFirst() {
            if let names = try? FileManager.default.contentsOfDirectory(atPath: arg) {
                files += names.sorted().map { arg + "/" + $0 }
            } else {
                files.append(arg)
            }
        }
        for f in files {
            guard let data = FileManager.default.contents(atPath: f) else { continue }
            FuzzTargets.run(Array(data))
        }
        print("replayed \(files.count) inputs")
    }
}
#endif
