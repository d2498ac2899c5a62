import Foundation
import Testing

/// `models`, `price` and `diff` as a user runs them: the built binary against the simulator,
/// snapshots in a fresh XDG_CACHE_HOME, expectations counted from the JSON the proxy serves.
@Suite(.serialized, .enabled(if: Harness.hasBinary, "needs the built synctop (swift build)"))
struct CostMapCommandTests {
    static let seed = Harness.packageRoot.appendingPathComponent("Sources/ProxySimulator/Seed")
    static let old = seed.appendingPathComponent("litellm-1.100.5/model_prices_and_context_window.json").path
    static let new = seed.appendingPathComponent("litellm-1.109.1/model_prices_and_context_window.json").path

    /// A fresh cache directory per test, so snapshots never leak between tests (or from the
    /// developer's own ~/.cache).
    static func cacheHome() throws -> String {
        let dir = Harness.scratch("cache")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }

    static func synctop(_ args: [String], cache: String) throws -> (status: Int32, out: String, err: String) {
        try Harness.run(Harness.binary, args, env: ["XDG_CACHE_HOME": cache])
    }

    /// The map the simulator serves right now, read with curl and Foundation.
    static func publicMap(_ sim: SimulatorProcess) throws -> (data: Data, map: [String: Any]) {
        let file = NSTemporaryDirectory() + "synctop-e2e-map-\(UUID().uuidString.prefix(8)).json"
        defer { try? FileManager.default.removeItem(atPath: file) }
        let r = try Harness.curl(["-o", file, "-w", "%{http_code}", "\(sim.baseURL)/public/litellm_model_cost_map"])
        guard r.out == "200" else { throw HarnessError("GET /public/litellm_model_cost_map answered \(r.out)") }
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        let map = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        return (data, map)
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "\(text.prefix(500))")
    }

    static func snapshotFiles(_ cache: String) -> [String] {
        let root = cache + "/synctop/cost-maps"
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: root + "/" + folder)) ?? []).map { root + "/" + folder + "/" + $0 }
        }
    }

    @Test func modelsFilterListsExactlyTheMatchingModelsAndKeepsASnapshot() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let cache = try Self.cacheHome()
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let served = try Self.publicMap(sim)
        let r = try Self.synctop(["models", "--url", sim.baseURL, "--filter", "claude", "--json"], cache: cache)
        #expect(r.status == 0, "\(r.err)")
        let j = try Self.json(r.out)
        let rows = try #require(j["models"] as? [[String: Any]])
        func matches(_ name: String, _ provider: Any?) -> Bool {
            name.lowercased().contains("claude") || ((provider as? String)?.lowercased().contains("claude") ?? false)
        }
        let expected = served.map.filter { $0.key != "sample_spec" && matches($0.key, ($0.value as? [String: Any])?["litellm_provider"]) }
        #expect(rows.count == expected.count)
        #expect(rows.count > 100, "the seed has hundreds of Claude models")
        #expect(j["count"] as? Int == rows.count)
        // LiteLLM's count of the served map (len(model_cost)): every key, sample_spec too.
        #expect(j["total"] as? Int == served.map.count && served.map["sample_spec"] != nil)
        #expect(rows.allSatisfy { matches($0["model"] as? String ?? "", $0["provider"]) })
        #expect(Set(rows.compactMap { $0["model"] as? String }) == Set(expected.keys))
        // What was fetched is kept byte for byte, for a later `diff --since-last`.
        let files = Self.snapshotFiles(cache)
        #expect(files.count == 1, "\(files)")
        #expect(try files.first.map { try Data(contentsOf: URL(fileURLWithPath: $0)) } == served.data)
    }

    @Test func modelsSortByInputPriceAndItsReverse() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let cache = try Self.cacheHome()
        defer { try? FileManager.default.removeItem(atPath: cache) }
        func inputColumn(_ args: [String]) throws -> [String] {
            let r = try Self.synctop(["models", "--url", sim.baseURL, "--sort", "input"] + args, cache: cache)
            #expect(r.status == 0, "\(r.err)")
            let lines = r.out.split(separator: "\n")
            #expect(lines.first?.hasPrefix("model ") == true, "a header line")
            return lines.dropFirst().map { line in
                let cells = line.split(separator: " ", omittingEmptySubsequences: true)
                return cells.count == 7 ? String(cells[3]) : "bad row: \(line)"
            }
        }
        let down = try inputColumn([])
        #expect(down.count > 3000)
        let prices = down.prefix { $0 != "-" }.map { Double($0) ?? .nan }
        #expect(!prices.contains { $0.isNaN }, "every row has 7 cells and a number or -")
        #expect(prices == prices.sorted(by: >), "largest first")
        #expect(down.dropFirst(prices.count).allSatisfy { $0 == "-" }, "missing prices last")
        let up = try inputColumn(["--reverse"])
        let upPrices = up.prefix { $0 != "-" }.map { Double($0) ?? .nan }
        #expect(upPrices == upPrices.sorted(), "smallest first")
        #expect(upPrices.count == prices.count && up.count == down.count)

        let bad = try Self.synctop(["models", "--url", sim.baseURL, "--sort", "cheapest"], cache: cache)
        #expect(bad.status == 64)
        #expect(bad.err.contains("max-input") && bad.err.contains("provider"), "the valid names are listed: \(bad.err)")
    }

    @Test func priceShowsEveryFieldAsTextAndJSON() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let cache = try Self.cacheHome()
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let served = try #require(try Self.publicMap(sim).map["gpt-4o"] as? [String: Any])
        let text = try Self.synctop(["price", "gpt-4o", "--url", sim.baseURL], cache: cache)
        #expect(text.status == 0, "\(text.err)")
        let lines = text.out.split(separator: "\n").map(String.init)
        let fields = lines.filter { !$0.contains("(derived") }
        #expect(fields.count == served.count, "one line per field")
        #expect(Set(fields.compactMap { $0.split(separator: " ").first.map(String.init) }) == Set(served.keys))
        #expect(lines.contains { $0.hasPrefix("input_cost_per_token ") && $0.hasSuffix(" 2.5e-06") }, "\(text.out)")
        #expect(lines.contains { $0.hasPrefix("input_cost_per_token*1M ") && $0.contains(" 2.5  (derived") })
        #expect(lines.contains { $0.hasPrefix("output_cost_per_token*1M ") && $0.contains(" 10  (derived") })

        let json = try Self.synctop(["price", "gpt-4o", "--url", sim.baseURL, "--json"], cache: cache)
        #expect(json.status == 0, "\(json.err)")
        let j = try Self.json(json.out)
        #expect(j["model"] as? String == "gpt-4o")
        #expect(j["input_per_million"] as? Double == 2.5)
        #expect(j["output_per_million"] as? Double == 10)
        #expect(j["max_input_tokens"] as? Int == 128_000)
        let entry = try #require(j["entry"] as? [String: Any])
        #expect(CountedDiff.equal(entry, served), "the entry exactly as served")
        #expect(!CountedDiff.equal(entry, served.merging(["mode": "embedding"]) { $1 }), "a comparison that can fail")
    }

    @Test func anUnknownModelExits66WithCloseNames() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let cache = try Self.cacheHome()
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let r = try Self.synctop(["price", "Claude-Sonnet-4", "--url", sim.baseURL], cache: cache)
        #expect(r.status == 66, "\(r.err)")
        #expect(r.out.isEmpty)
        #expect(r.err.contains("no model \"Claude-Sonnet-4\""))
        let suggestions = r.err.split(separator: "\n").filter { $0.hasPrefix("  ") }.map { $0.trimmingCharacters(in: .whitespaces) }
        #expect((1...10).contains(suggestions.count), "\(r.err)")
        #expect(suggestions.allSatisfy { $0.lowercased().contains("claude-sonnet-4") })
        #expect(suggestions.contains("claude-sonnet-4-20250514"))
    }

    @Test func diffOfTheTwoReleasesFilesAndURLs() throws {
        let cache = try Self.cacheHome()
        defer { try? FileManager.default.removeItem(atPath: cache) }
        // The Foundation-only count used below agrees with Python on the two releases.
        let oldMap = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.old))) as? [String: Any])
        let newMap = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.new))) as? [String: Any])
        let counted = CountedDiff(old: oldMap, new: newMap)
        #expect([counted.added, counted.removed, counted.changed, counted.repriced] as [Int] == [1517, 375, 2614, 762], "\(counted)")

        let j = try Self.json(try Self.synctop(["diff", Self.old, Self.new, "--json"], cache: cache).out)
        let counts = try #require(j["counts"] as? [String: Int])
        // The same numbers the unit test gets independently (CostMapRealDiffTests).
        #expect(counts == ["added": 1517, "removed": 375, "changed": 2614, "repriced": 762])
        #expect(j["old_count"] as? Int == 3410 && j["new_count"] as? Int == 4552)
        #expect((j["added"] as? [Any])?.count == 1517 && (j["changed"] as? [Any])?.count == 2614)

        let text = try Self.synctop(["diff", Self.old, Self.new], cache: cache)
        #expect(text.status == 0)
        let lines = text.out.split(separator: "\n")
        #expect(lines.first == "+1,517 new, −375 removed, 762 re-priced, 1,852 other changes (3,410 → 4,552 models)")
        #expect(lines.count { $0.hasPrefix("+ ") } == 1517)
        #expect(lines.count { $0.hasPrefix("− ") } == 375)
        #expect(lines.count { $0.hasPrefix("~ ") } == 2614)
        #expect(lines.contains("  input_cost_per_token: 1.3e-06 → 2e-07 ($1.3 → $0.2 per 1M) (−84.6%)"))

        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let remote = "\(sim.baseURL)/_sim/remote/model_prices_and_context_window.json"
        let same = try Self.synctop(["diff", remote, Self.new, "--json"], cache: cache)
        #expect(same.status == 0, "\(same.err)")
        #expect(try Self.json(same.out)["summary"] as? String == "no change (4,552 models)", "a URL reads the same file")
    }

    @Test func diffExitCodesForBadInputs() throws {
        let cache = try Self.cacheHome()
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let missing = try Self.synctop(["diff", "/nonexistent/map.json", Self.new], cache: cache)
        #expect(missing.status == 64, "\(missing.err)")
        let readme = Harness.packageRoot.appendingPathComponent("README.md").path
        let notAMap = try Self.synctop(["diff", readme, Self.new], cache: cache)
        #expect(notAMap.status == 65, "\(notAMap.err)")
        #expect(notAMap.err.contains("README.md"))
        // JSON that parses as an object but is no cost map (issue 17): 65, with what it holds.
        let betaHeaders = Self.seed.appendingPathComponent("litellm-1.109.1/anthropic_beta_headers_config.json").path
        let mapping = try Self.synctop(["diff", betaHeaders, Self.new], cache: cache)
        #expect(mapping.status == 65, "\(mapping.err)")
        #expect(mapping.err.contains("synctop: \(betaHeaders): not a cost map: 9 entries, 0 with cost-map fields"), "\(mapping.err)")
        #expect(mapping.err.contains("fields seen: "), "\(mapping.err)")
        let emptyFile = cache + "/empty.json", numbers = cache + "/numbers.json"
        try "{}".write(toFile: emptyFile, atomically: true, encoding: .utf8)
        try #"{"a": 1, "b": 2}"#.write(toFile: numbers, atomically: true, encoding: .utf8)
        let empty = try Self.synctop(["diff", Self.old, emptyFile], cache: cache)
        #expect(empty.status == 65 && empty.err.contains("not a cost map: an object with no models"), "\(empty.err)")
        let numeric = try Self.synctop(["diff", numbers, Self.new], cache: cache)
        #expect(numeric.status == 65 && numeric.err.contains("not a cost map: 2 entries, 0 with cost-map fields (2 numbers)"), "\(numeric.err)")
        let unreachable = try Self.synctop(["diff", "http://127.0.0.1:9/map.json", Self.new], cache: cache)
        #expect(unreachable.status == 69, "\(unreachable.err)")
        let both = try Self.synctop(["diff", "--since-last", Self.old, Self.new], cache: cache)
        #expect(both.status == 64 && both.err.contains("--since-last"), "\(both.err)")
        let neither = try Self.synctop(["diff", Self.old], cache: cache)
        #expect(neither.status == 64, "\(neither.err)")
    }

    @Test func sinceLastSavesABaselineThenShowsWhatAReloadChanged() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let cache = try Self.cacheHome()
        defer { try? FileManager.default.removeItem(atPath: cache) }
        func sinceLast() throws -> [String: Any] {
            let r = try Self.synctop(["diff", "--since-last", "--url", sim.baseURL, "--json"], cache: cache)
            #expect(r.status == 0, "\(r.err)")
            return try Self.json(r.out)
        }
        // The simulator starts on LiteLLM 1.100.5's map.
        let before = try Self.publicMap(sim)
        let first = try sinceLast()
        #expect(first["baseline_saved"] as? Bool == true)
        #expect(first["models"] as? Int == before.map.count, "LiteLLM's count, len(model_cost): sample_spec too")
        let path = try #require((first["snapshot"] as? [String: Any])?["path"] as? String)
        #expect(path.hasPrefix(cache + "/synctop/cost-maps/"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before.data)

        let unchanged = try sinceLast()
        #expect(unchanged["baseline_saved"] as? Bool == false)
        #expect(unchanged["counts"] as? [String: Int] == ["added": 0, "removed": 0, "changed": 0, "repriced": 0])

        // The remote source moves to 1.109.1 and the proxy reloads it.
        #expect(try Harness.curl(["-X", "POST", "\(sim.baseURL)/_sim/remote?release=1.109.1"]).out.contains("1.109.1"))
        let reload = try Harness.curl(["-X", "POST", "-o", "/dev/null", "-w", "%{http_code}",
                                       "-H", "Authorization: Bearer \(SimulatorProcess.masterKey)", "\(sim.baseURL)/reload/model_cost_map"])
        #expect(reload.out == "200")
        let after = try Self.publicMap(sim)
        let expected = CountedDiff(old: before.map, new: after.map)
        #expect(expected.added > 1000 && expected.removed > 300 && expected.changed > 2000, "the real release change: \(expected)")

        for _ in 0..<2 {
            let changed = try sinceLast()
            #expect(changed["baseline_saved"] as? Bool == false)
            let counts = try #require(changed["counts"] as? [String: Int])
            #expect(counts == ["added": expected.added, "removed": expected.removed, "changed": expected.changed, "repriced": expected.repriced])
            #expect((changed["snapshot"] as? [String: Any])?["path"] as? String == path, "diffed against the baseline")
        }
        #expect(Self.snapshotFiles(cache).count == 1, "--since-last saves nothing once a snapshot exists")

        // `models` snapshots what it fetched; from then on there is nothing new.
        #expect(try Self.synctop(["models", "--url", sim.baseURL, "--filter", "gpt-4o"], cache: cache).status == 0)
        #expect(Self.snapshotFiles(cache).count == 2)
        #expect(try sinceLast()["counts"] as? [String: Int] == ["added": 0, "removed": 0, "changed": 0, "repriced": 0])
    }

    @Test func sinceLastTextSaysWhenItSavedTheBaseline() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let cache = try Self.cacheHome()
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let first = try Self.synctop(["diff", "--since-last", "--url", sim.baseURL], cache: cache)
        #expect(first.status == 0, "\(first.err)")
        #expect(first.out.hasPrefix("no snapshot of \(sim.baseURL) yet: saved its cost map ("), "\(first.out)")
        let second = try Self.synctop(["diff", "--since-last", "--url", sim.baseURL], cache: cache)
        #expect(second.out.hasPrefix("no change ("), "\(second.out)")
        #expect(second.out.contains("snapshot of ") && second.out.contains("→ \(sim.baseURL)"))
    }

    @Test func snapshotTroubleIsAWarningForReadsAndAnErrorForSinceLast() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        // A cache "directory" that is a plain file: nothing can be written under it.
        let blockedParent = try Self.cacheHome()
        defer { try? FileManager.default.removeItem(atPath: blockedParent) }
        let blocked = blockedParent + "/not-a-directory"
        #expect(FileManager.default.createFile(atPath: blocked, contents: Data()))
        let models = try Self.synctop(["models", "--url", sim.baseURL, "--filter", "gpt-4o"], cache: blocked)
        #expect(models.status == 0, "a snapshot is best effort: \(models.err)")
        #expect(models.err.contains("warning: cannot write the snapshot"), "\(models.err)")
        #expect(models.out.contains("gpt-4o"))
        let baseline = try Self.synctop(["diff", "--since-last", "--url", sim.baseURL], cache: blocked)
        #expect(baseline.status == 74, "the baseline is the command's whole point: \(baseline.err)")

        // A snapshot that is not a cost map (edited, truncated by a full disk): 65, with its path.
        let cache = try Self.cacheHome()
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let first = try Self.json(try Self.synctop(["diff", "--since-last", "--url", sim.baseURL, "--json"], cache: cache).out)
        let path = try #require((first["snapshot"] as? [String: Any])?["path"] as? String)
        try Data("{\"truncated\": ".utf8).write(to: URL(fileURLWithPath: path))
        let broken = try Self.synctop(["diff", "--since-last", "--url", sim.baseURL], cache: cache)
        #expect(broken.status == 65, "\(broken.err)")
        #expect(broken.err.contains(path))
        // Valid JSON, but the beta-header mapping (issue 17): 65 as well, saying what it is.
        try Data(contentsOf: Self.seed.appendingPathComponent("litellm-1.109.1/anthropic_beta_headers_config.json")).write(to: URL(fileURLWithPath: path))
        let wrong = try Self.synctop(["diff", "--since-last", "--url", sim.baseURL], cache: cache)
        #expect(wrong.status == 65, "\(wrong.err)")
        #expect(wrong.err.contains("the snapshot \(path) is not a cost map: 9 entries"), "\(wrong.err)")
        #expect(wrong.err.contains("Delete it to start a new baseline."), "\(wrong.err)")
    }

    /// Issue 17: a "proxy" whose cost-map endpoint serves something else (here Python's
    /// file server handing out the beta-header mapping) gives no baseline and no diff: 70.
    @Test func sinceLastRefusesAProxyAnswerThatIsNoCostMap() throws {
        let root = Harness.scratch("fake-proxy")
        try FileManager.default.createDirectory(atPath: root + "/public", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.seed.appendingPathComponent("litellm-1.109.1/anthropic_beta_headers_config.json").path,
                                        toPath: root + "/public/litellm_model_cost_map")
        let port = SimulatorProcess.freePort()
        let server = try Harness.spawn("/usr/bin/python3", ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", root])
        defer { kill(server, SIGKILL); _ = Harness.wait(server, timeout: 5) }
        let url = "http://127.0.0.1:\(port)"
        #expect(Harness.eventually { (try? Harness.curl(["-o", "/dev/null", "-w", "%{http_code}", url + "/public/litellm_model_cost_map"]).out) == "200" })
        let cache = try Self.cacheHome()
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let r = try Self.synctop(["diff", "--since-last", "--url", url], cache: cache)
        #expect(r.status == 70, "\(r.err)")
        #expect(r.err.contains("the proxy's answer at \(url)/public/litellm_model_cost_map is not a cost map: 9 entries"), "\(r.err)")
        let kept = FileManager.default.enumerator(atPath: cache)?.allObjects as? [String] ?? []
        #expect(!kept.contains { $0.hasSuffix(".json") }, "no baseline saved: \(kept)")
    }

    @Test func proxyErrorsUseStatusExitCodes() throws {
        let cache = try Self.cacheHome()
        defer { try? FileManager.default.removeItem(atPath: cache) }
        let down = try Self.synctop(["models", "--url", "http://127.0.0.1:9"], cache: cache)
        #expect(down.status == 69, "\(down.err)")
        let price = try Self.synctop(["price", "gpt-4o", "--url", "http://127.0.0.1:9"], cache: cache)
        #expect(price.status == 69)
        let since = try Self.synctop(["diff", "--since-last", "--url", "http://127.0.0.1:9"], cache: cache)
        #expect(since.status == 69)
        #expect(Self.snapshotFiles(cache).isEmpty)
        let help = try Self.synctop(["price", "--help"], cache: cache)
        let words = help.out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("66 no such model"), "\(help.out)")
    }
}

/// The diff's counts, computed with Foundation alone (no synctop code): NSNumber equality
/// makes 4096 equal 4096.0, dictionaries compare by key (order ignored), as Python's `==`.
/// Not `NSDictionary.isEqual`: on Linux it finds `true` unequal to `true` at its top level.
struct CountedDiff: CustomStringConvertible {
    var added = 0, removed = 0, changed = 0, repriced = 0

    init(old: [String: Any], new: [String: Any]) {
        var a = old, b = new
        a["sample_spec"] = nil
        b["sample_spec"] = nil
        added = b.keys.count { a[$0] == nil }
        removed = a.keys.count { b[$0] == nil }
        for (name, after) in b {
            guard let before = a[name], !Self.equal(before, after) else { continue }
            changed += 1
            guard let x = before as? [String: Any], let y = after as? [String: Any] else { continue }
            let costs = Set(x.keys).union(y.keys).filter { $0.contains("cost") }
            if costs.contains(where: { k in
                switch (x[k], y[k]) {
                case (let p?, let q?): !Self.equal(p, q)
                case (nil, nil): false
                default: true
                }
            }) { repriced += 1 }
        }
    }

    static func equal(_ a: Any, _ b: Any) -> Bool {
        switch (a, b) {
        case (let x as [String: Any], let y as [String: Any]):
            return x.count == y.count && x.allSatisfy { k, v in y[k].map { equal(v, $0) } ?? false }
        case (let x as [Any], let y as [Any]): return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case (let x as String, let y as String): return x == y
        case (is NSNull, is NSNull): return true
        case (let x as NSNumber, let y as NSNumber): return x.isEqual(y)
        default: return false
        }
    }

    var description: String { "+\(added) −\(removed) ~\(changed) $\(repriced)" }
}
