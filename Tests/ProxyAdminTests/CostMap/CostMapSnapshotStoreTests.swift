import Foundation
import Testing
@testable import ProxyAdmin

/// Snapshots of a proxy's cost map: where they live, deduplication, the bound of 5, one
/// folder per proxy, and no half-written file ever read as a snapshot.
@Suite struct CostMapSnapshotStoreTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func bytes(_ n: Int) -> [UInt8] { Array(#"{"m\#(n)": {"input_cost_per_token": 1e-06}}"#.utf8) }

    @Test func rootFollowsXDGCacheHomeElseHome() {
        #expect(CostMapSnapshotStore.defaultRoot(environment: ["XDG_CACHE_HOME": "/var/cache", "HOME": "/home/op"]).value == "/var/cache/synctop")
        #expect(CostMapSnapshotStore.defaultRoot(environment: ["XDG_CACHE_HOME": "/var/cache//", "HOME": "/home/op"]).value == "/var/cache/synctop")
        #expect(CostMapSnapshotStore.defaultRoot(environment: ["HOME": "/home/op"]).value == "/home/op/.cache/synctop")
        // Empty or relative XDG_CACHE_HOME is ignored (XDG base directory spec).
        #expect(CostMapSnapshotStore.defaultRoot(environment: ["XDG_CACHE_HOME": "", "HOME": "/home/op/"]).value == "/home/op/.cache/synctop")
        #expect(CostMapSnapshotStore.defaultRoot(environment: ["XDG_CACHE_HOME": "cache", "HOME": "/home/op"]).value == "/home/op/.cache/synctop")
    }

    @Test func anIdenticalMapIsNotSavedTwice() throws {
        let dir = HistoryScratchDirectory()
        defer { dir.remove() }
        let store = CostMapSnapshotStore(root: dir.path, proxyURL: "http://127.0.0.1:4000")
        #expect(store.latest() == nil)
        let first = try store.save(bytes(1), at: Self.t0)
        let again = try store.save(bytes(1), at: Self.t0.addingTimeInterval(60))
        #expect(again == first, "the newest already holds these bytes")
        #expect(store.list().count == 1)
        let second = try store.save(bytes(2), at: Self.t0.addingTimeInterval(120))
        #expect(store.latest() == second)
        #expect(try store.read(second) == bytes(2))
        // Equal to an older snapshot but not to the newest: a real change back, kept.
        try store.save(bytes(1), at: Self.t0.addingTimeInterval(180))
        #expect(store.list().count == 3)
        #expect(try store.read(try #require(store.latest())) == bytes(1))
    }

    /// SECURITY.md: snapshots are 0600 and the folders synctop creates 0700, on a shared host.
    @Test func snapshotsAre0600InFolders0700() throws {
        let dir = HistoryScratchDirectory()
        defer { dir.remove() }
        let store = CostMapSnapshotStore(root: dir.path + "/cache/synctop", proxyURL: "http://127.0.0.1:4000")
        let saved = try store.save(bytes(1), at: Self.t0)
        #expect(historyMode(saved.path) == 0o600)
        #expect(historyMode(store.directory) == 0o700)
        #expect(historyMode(dir.path + "/cache/synctop/cost-maps") == 0o700)
        #expect(historyMode(dir.path + "/cache") == 0o700)
        let beta = CostMapSnapshotStore(root: dir.path + "/cache/synctop", proxyURL: "http://127.0.0.1:4000", kind: "beta-mappings")
        #expect(historyMode(try beta.save(bytes(2), at: Self.t0).path) == 0o600)
    }

    @Test func onlyTheNewestFiveStay() throws {
        let dir = HistoryScratchDirectory()
        defer { dir.remove() }
        let store = CostMapSnapshotStore(root: dir.path, proxyURL: "http://127.0.0.1:4000")
        #expect(store.keep == 5)
        for n in 1...7 { try store.save(bytes(n), at: Self.t0.addingTimeInterval(Double(n))) }
        let kept = store.list()
        #expect(kept.count == 5)
        #expect(try kept.map { try store.read($0) } == (3...7).reversed().map(bytes), "newest first, the two oldest gone")
        let files = try FileManager.default.contentsOfDirectory(atPath: store.directory)
        #expect(files.count == 5, "\(files)")
    }

    @Test func aClockThatWentBackStillMakesTheNewSaveTheNewest() throws {
        let dir = HistoryScratchDirectory()
        defer { dir.remove() }
        let store = CostMapSnapshotStore(root: dir.path, proxyURL: "http://127.0.0.1:4000")
        try store.save(bytes(1), at: Self.t0)
        let earlier = try store.save(bytes(2), at: Self.t0.addingTimeInterval(-3600))
        #expect(store.latest() == earlier)
        #expect(try store.read(earlier) == bytes(2))
    }

    @Test func twoProxiesKeepTheirOwnSnapshots() throws {
        let dir = HistoryScratchDirectory()
        defer { dir.remove() }
        let a = CostMapSnapshotStore(root: dir.path, proxyURL: "http://127.0.0.1:4000")
        let b = CostMapSnapshotStore(root: dir.path, proxyURL: "http://127.0.0.1:4001")
        let c = CostMapSnapshotStore(root: dir.path, proxyURL: "https://proxy.example/team-a")
        let d = CostMapSnapshotStore(root: dir.path, proxyURL: "https://proxy.example/team-b")
        #expect(Set([a, b, c, d].map(\.directory)).count == 4)
        #expect(a.directory.hasPrefix(dir.path + "/cost-maps/127.0.0.1_4000-"))
        try a.save(bytes(1), at: Self.t0)
        try b.save(bytes(2), at: Self.t0)
        #expect(try a.read(try #require(a.latest())) == bytes(1))
        #expect(try b.read(try #require(b.latest())) == bytes(2))
        #expect(c.latest() == nil)
        // Credentials in the URL are not part of the folder name, nor do they split it.
        let withUser = CostMapSnapshotStore(root: dir.path, proxyURL: "http://admin:secret@127.0.0.1:4000")
        #expect(withUser.directory == a.directory)
        #expect(!withUser.directory.contains("secret"))
    }

    @Test func aPartiallyWrittenFileIsNeverASnapshot() throws {
        let dir = HistoryScratchDirectory()
        defer { dir.remove() }
        let store = CostMapSnapshotStore(root: dir.path, proxyURL: "http://127.0.0.1:4000")
        let saved = try store.save(bytes(1), at: Self.t0)
        // What another writer mid-write has so far: the temporary name, half the bytes. (Its
        // process is alive: the parent's pid. One of a dead process is removed,
        // `FileWriteTests.temporaryFilesOfDeadWritersAreRemoved`.)
        let half = Array(bytes(2).prefix(10))
        let later = Int64(Self.t0.timeIntervalSince1970 * 1000) + 5000
        let writer = getppid()
        _ = FileManager.default.createFile(atPath: store.directory + "/\(later).json.part-\(writer)", contents: Data(half))
        #expect(store.list() == [saved])
        #expect(try store.read(try #require(store.latest())) == bytes(1))
        // A save leaves no temporary file of its own behind.
        try store.save(bytes(3), at: Self.t0.addingTimeInterval(1))
        let files = try FileManager.default.contentsOfDirectory(atPath: store.directory)
        #expect(files.filter { $0.contains(".part-") } == ["\(later).json.part-\(writer)"])
    }

    @Test func aReaderDuringSavesOnlyEverSeesWholeSnapshots() async throws {
        let dir = HistoryScratchDirectory()
        defer { dir.remove() }
        let store = CostMapSnapshotStore(root: dir.path, proxyURL: "http://127.0.0.1:4000")
        // Large enough that a write takes several system calls' worth of time.
        let payloads = (0..<12).map { n in Array("{\"m\(n)\": \"\(String(repeating: "x", count: 400_000))\"}".utf8) }
        try store.save(payloads[0], at: Self.t0)
        let reader = Task.detached { () -> (whole: Int, torn: Int) in
            var whole = 0, torn = 0
            for _ in 0..<400 {
                // A snapshot the writer pruned in between is gone, not torn: skip it.
                guard let s = store.latest(), let read = try? store.read(s) else { continue }
                if payloads.contains(read) { whole += 1 } else { torn += 1 }
            }
            return (whole, torn)
        }
        for n in 1..<payloads.count { try store.save(payloads[n], at: Self.t0.addingTimeInterval(Double(n))) }
        let seen = await reader.value
        #expect(seen.torn == 0)
        #expect(seen.whole > 0)
    }

    @Test func anUnwritableRootIsAnErrorNamingThePath() throws {
        let dir = HistoryScratchDirectory()
        defer { dir.remove() }
        _ = FileManager.default.createFile(atPath: dir.file("plain-file"), contents: Data())
        let store = CostMapSnapshotStore(root: dir.file("plain-file"), proxyURL: "http://127.0.0.1:4000")
        #expect(throws: CostMapSnapshotStore.StoreError.self) { try store.save(bytes(1), at: Self.t0) }
        #expect(store.list().isEmpty)
    }
}
