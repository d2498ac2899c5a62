import Foundation
import Testing

/// Issue 22: every input of the fuzz corpus (real LiteLLM answers and files, and each
/// input a fuzzer found crashing, such as the lone "[" that made toml++ abort) replayed
/// through every parser in an ordinary build: none may crash.
@Suite struct FuzzCorpusTests {
    @Test func theCorpusReplaysWithoutACrash() throws {
        let replay = Harness.built("synctop-fuzz")
        try #require(FileManager.default.isExecutableFile(atPath: replay), "swift build builds synctop-fuzz")
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let corpus = root + "/Tests/Fuzz/corpus"
        let count = try FileManager.default.contentsOfDirectory(atPath: corpus).count
        let r = try Harness.run(replay, [corpus])
        #expect(r.status == 0, "a corpus input crashed a parser: \(r.err.suffix(600))")
        #expect(r.out.contains("replayed \(count) inputs"), "\(r.out)")
    }
}
