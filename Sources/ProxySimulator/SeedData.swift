import NIOCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The files a LiteLLM release bundles (`Seed/litellm-<version>/`), read at run time. 1.100.5
/// and 1.109.1 start on the 1.100.5 data, and their "remote source" serves the 1.109.1 data so a
/// reload really changes prices, models and beta-header columns; 1.110.2 starts on, and fetches,
/// its own (as its captures were taken). SwiftPM resources/`Bundle` are avoided on purpose:
/// they drag full Foundation (and ICU) into the binary.
enum SeedRelease: String, Sendable, CaseIterable {
    case v1_100_5 = "1.100.5"
    case v1_109_1 = "1.109.1"
    case v1_110_2 = "1.110.2"

    var directoryName: String { "litellm-" + rawValue }
}

/// One loaded cost map, encoded once per load so serving the 1.5–3 MB public map is a
/// buffer write rather than a re-serialisation per request.
struct CostMapSnapshot: Sendable {
    /// `git hash-object` of the file as fetched (1.109.1's `source_revision`).
    let sourceRevision: String
    /// Entries in the fetched catalog after LiteLLM's finalisation (what a reload reports).
    let fetchedCount: Int
    /// Entries in `litellm.model_cost` once run-time registrations are applied (`model_count`).
    let modelCount: Int
    /// `GET /public/litellm_model_cost_map`.
    let publicBody: ByteBuffer
    /// `GET /public/litellm_model_cost_map?catalog_only=true` (1.109.1).
    let catalogBody: ByteBuffer
    /// The file as published (what `GET /_sim/remote/<file>` serves).
    let file: ByteBuffer
    /// `GET /v1/models` while this map is loaded.
    let modelsBody: ByteBuffer
    /// `GET /model/info` while this map is loaded.
    let modelInfoBody: ByteBuffer
    /// Entries of the file as the integrity check counts them (no `sample_spec`,
    /// `fallback_generalizations`): for the bundled file, the baseline fetched files must reach.
    let integrityCount: Int
}

struct BetaHeadersSnapshot: Sendable {
    /// Top-level keys other than `description` and `provider_aliases`, as the reload counts.
    let providerCount: Int
    /// The file as published (what `GET /_sim/remote/<file>` serves).
    let file: ByteBuffer
}

struct SeedData: Sendable {
    let directory: String
    let betaHeaders: [SeedRelease: BetaHeadersSnapshot]
    /// Cost maps are parsed on first use, per release and per LiteLLM version (each version
    /// finalises and registers deployments its own way), and shared for the process's life.
    private let costMaps: LockedValue<[String: CostMapSnapshot]>

    /// The release's cost map as `version` loads it.
    func costMap(_ release: SeedRelease, _ version: LiteLLMVersion) -> CostMapSnapshot {
        // Held while parsing so simulators started together parse the file once, not each.
        costMaps.withLock { cache in
            let key = release.rawValue + "/" + Self.rulesKey(version)
            if let made = cache[key] { return made }
            let path = directory + "/" + release.directoryName + "/" + Self.costMapFileName
            // Checked readable and parseable at `load()`; a file changed under a running
            // simulator is not a case worth an error path.
            let bytes = (try? Self.readFile(path)) ?? Array("{}".utf8)
            var catalog = PythonObject()
            if case .object(let parsed)? = try? PythonJSONParser.parse(bytes) { catalog = parsed }
            let made = CostMapSnapshot.build(bytes: bytes, catalog: catalog, version: version)
            cache[key] = made
            return made
        }
    }

    /// 1.100.5 and 1.109.1 load a file the same way (their `/v1/models` differ, and is made
    /// per request), so they share snapshots.
    static func rulesKey(_ version: LiteLLMVersion) -> String { version == .v1_110_2 ? version.rawValue : "legacy" }

    /// A fetched file that is not a seed (`PUT /_sim/remote/cost_map`, `small:N`), built once
    /// per content and version.
    func costMap(bytes: [UInt8], catalog: PythonObject, version: LiteLLMVersion) -> CostMapSnapshot {
        let key = "blob:" + Digests.gitBlobID(bytes) + "/" + Self.rulesKey(version)
        return costMaps.withLock { cache in
            if let made = cache[key] { return made }
            let made = CostMapSnapshot.build(bytes: bytes, catalog: catalog, version: version)
            // Files put at run time are few, but each holds its encodings: keep only the last few.
            let blobs = cache.keys.filter { $0.hasPrefix("blob:") }
            if blobs.count >= 4 { for old in blobs { cache[old] = nil } }
            cache[key] = made
            return made
        }
    }

    /// The `small:N` remote file: N model entries, the deployments' models first (so the
    /// proxy counts exactly one more entry per deployment, as in the captures), then the
    /// release's entries in file order; no `sample_spec`, no `alias_of` rows.
    func smallCostMap(_ count: Int, release: SeedRelease, version: LiteLLMVersion) -> [UInt8] {
        let path = directory + "/" + release.directoryName + "/" + Self.costMapFileName
        guard let bytes = try? Self.readFile(path), case .object(let catalog)? = try? PythonJSONParser.parse(bytes) else {
            return Array("{}".utf8)
        }
        var small = PythonObject()
        var taken = Set<String>()
        let first = SimulatedDeployment.all(for: version).map(\.catalogKey)
        let entries = catalog.entries.filter { entry in
            if CostMapRules.reservedKeys.contains(entry.key) { return false }
            if case .object(let object) = entry.value, object["alias_of"] != nil { return false }
            return true
        }
        for key in first where small.count < count {
            if let entry = entries.first(where: { $0.key == key }) { small.appendUnchecked(key, entry.value); taken.insert(key) }
        }
        for entry in entries where small.count < count && !taken.contains(entry.key) {
            small.appendUnchecked(entry.key, entry.value)
        }
        return PythonJSONWriter.encode(.object(small))
    }

    subscript(release: SeedRelease) -> BetaHeadersSnapshot { betaHeaders[release]! }

    /// `#filePath` here, not in a default argument, which would expand at the call site.
    static let thisSourceFile = #filePath

    static let costMapFileName = "model_prices_and_context_window.json"
    static let betaHeadersFileName = "anthropic_beta_headers_config.json"

    private static let cache = LockedValue<[String: SeedData]>([:])

    static func load() throws -> SeedData {
        let directory = try locateDirectory()
        return try cache.withLock { cache in
            if let cached = cache[directory] { return cached }
            var betaHeaders: [SeedRelease: BetaHeadersSnapshot] = [:]
            for release in SeedRelease.allCases {
                let folder = directory + "/" + release.directoryName + "/"
                betaHeaders[release] = try loadBetaHeaders(path: folder + betaHeadersFileName)
                let costMap = folder + costMapFileName
                guard access(costMap, R_OK) == 0 else {
                    throw SimulatorError.invalidSeedData(path: costMap, reason: "cannot open (errno \(errno))")
                }
            }
            let data = SeedData(directory: directory, betaHeaders: betaHeaders, costMaps: LockedValue([:]))
            cache[directory] = data
            return data
        }
    }

    /// `SYNCTOP_SEED_DIR` if set (and then only it: a wrong explicit path should fail loudly),
    /// else the `Seed` folder next to this source file.
    static func locateDirectory(
        override: String? = getenv("SYNCTOP_SEED_DIR").map { String(cString: $0) },
        sourceFile: String = SeedData.thisSourceFile
    ) throws -> String {
        var candidates: [String] = []
        if let override, !override.isEmpty {
            candidates.append(override)
        } else if let slash = sourceFile.lastIndex(of: "/") {
            candidates.append(String(sourceFile[..<slash]) + "/Seed")
        }
        for candidate in candidates {
            let probe = candidate + "/" + SeedRelease.v1_100_5.directoryName + "/" + costMapFileName
            if access(probe, R_OK) == 0 { return candidate }
        }
        throw SimulatorError.seedDataNotFound(searched: candidates)
    }

    static func loadBetaHeaders(path: String) throws -> BetaHeadersSnapshot {
        let bytes = try readFile(path)
        guard case .object(let config) = try parse(bytes, path: path) else {
            throw SimulatorError.invalidSeedData(path: path, reason: "not a JSON object")
        }
        return BetaHeadersSnapshot(providerCount: providerCount(config), file: ByteBuffer(bytes: bytes))
    }

    /// The reload's `providers_count`: every top-level key but `description` and
    /// `provider_aliases`, so `<provider>_header_only` columns count too.
    static func providerCount(_ config: PythonObject) -> Int {
        config.keys.filter { $0 != "provider_aliases" && $0 != "description" }.count
    }

    /// LiteLLM's `_finalize_model_cost_map`: drop the `fallback_generalizations` block, then
    /// expand each entry's `aliases` into extra top-level keys sharing that entry.
    static func finalize(_ raw: PythonObject) -> PythonObject {
        var catalog = raw
        _ = catalog.removeValue(forKey: "fallback_generalizations")
        var aliasesToAdd: [(String, PythonJSON)] = []
        var claimed = Set<String>()
        let existing = Set(catalog.keys)
        var updated = PythonObject()
        for (key, value) in catalog.entries {
            guard case .object(var entry) = value, let aliases = entry["aliases"] else {
                updated.appendUnchecked(key, value)
                continue
            }
            _ = entry.removeValue(forKey: "aliases")
            updated.appendUnchecked(key, .object(entry))
            if case .array(let names) = aliases {
                for case .string(let alias) in names where !existing.contains(alias) && !claimed.contains(alias) {
                    claimed.insert(alias)
                    aliasesToAdd.append((alias, .object(entry)))
                }
            }
        }
        for (alias, entry) in aliasesToAdd { updated.appendUnchecked(alias, entry) }
        return updated
    }

    private static func parse(_ bytes: [UInt8], path: String) throws -> PythonJSON {
        do {
            return try PythonJSONParser.parse(bytes)
        } catch {
            throw SimulatorError.invalidSeedData(path: path, reason: "\(error)")
        }
    }

    static func readFile(_ path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw SimulatorError.invalidSeedData(path: path, reason: "cannot open (errno \(errno))") }
        defer { close(descriptor) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw SimulatorError.invalidSeedData(path: path, reason: "read failed (errno \(errno))")
            }
            if count == 0 { break }
            result.append(contentsOf: chunk[0..<count])
        }
        return result
    }
}
