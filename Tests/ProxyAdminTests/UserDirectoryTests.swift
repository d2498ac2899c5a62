import Testing
@testable import ProxyAdmin

/// Issue 17: without HOME, synctop's folders come from the password database, or are
/// unavailable with the reason — never a relative or `~` path.
@Suite struct UserDirectoryTests {
    @Test func xdgThenHomeThenThePasswordDatabase() {
        let noPassword: () -> String? = { nil }
        #expect(UserDirectory.resolve(.cache, environment: ["XDG_CACHE_HOME": "/c/", "HOME": "/h"], passwordHome: noPassword).value
            == .init(path: "/c", origin: "XDG_CACHE_HOME"))
        #expect(UserDirectory.resolve(.state, environment: ["XDG_STATE_HOME": "rel", "HOME": "/h"], passwordHome: noPassword).value?.path
            == "/h/.local/state")
        #expect(UserDirectory.resolve(.config, environment: [:], passwordHome: { "/home/pw" }).value
            == .init(path: "/home/pw/.config", origin: "HOME is not set: the password database's home folder"))
        #expect(UserDirectory.resolve(.config, environment: ["HOME": ""], passwordHome: { "/home/pw" }).value?.path == "/home/pw/.config")
        #expect(UserDirectory.resolve(.config, environment: ["HOME": "relative"], passwordHome: { "/home/pw" }).value?.path
            == "/home/pw/.config", "a relative HOME is no home")
        #expect(UserDirectory.resolve(.cache, environment: ["HOME": "/"], passwordHome: noPassword).value?.path == "/.cache")
    }

    @Test func withNeitherTheFolderIsUnavailableAndSaysWhatToSet() throws {
        let why = try #require(UserDirectory.resolve(.cache, environment: [:], passwordHome: { nil }).failure)
        #expect("\(why)".hasPrefix("unavailable: HOME is not set and uid "), "\(why)")
        #expect("\(why)".hasSuffix("has no home folder in the password database; set HOME (or XDG_CACHE_HOME)"), "\(why)")
        #expect(HistoryStore.defaultPath(environment: [:], passwordHome: { nil }) == nil)
        #expect(CostMapSnapshotStore.defaultRoot(environment: [:], passwordHome: { nil }).failure != nil)
        #expect(HistoryStore.defaultPath(environment: ["XDG_STATE_HOME": "/s"], passwordHome: { nil }) == "/s/synctop/history.jsonl")
    }
}
