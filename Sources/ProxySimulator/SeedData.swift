import NIOCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The files a LiteLLM release bundles (`Seed/litellm-<version>/`), read at run time: the
/// simulator starts on the 1.100.5 data, and its "remote source" serves the 1.109.1 data so a
/// reload really changes prices, models and beta-header columns. SwiftPM resources/`Bundle`
/// are avoided on purpose: they drag full Foundation (and ICU) into the binary.
enum SeedRelease: String, Sendable, CaseIterable {
    case v1_100_5 = "1.100.5"
    case v1_109_1 = "1.109.1"

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
}

struct BetaHeadersSnapshot: Sendable {
    /// Top-level keys other than `description` and `provider_aliases`, as the reload counts.
    let providerCount: Int
    /// The file as published (what `GET /_sim/remote/<file>` serves).
    let file: ByteBuffer
}

struct ReleaseSeed: Sendable {
    let costMap: CostMapSnapshot
    let betaHeaders: BetaHeadersSnapshot
}

struct SeedData: Sendable {
    let directory: String
    let releases: [SeedRelease: ReleaseSeed]

    subscript(release: SeedRelease) -> ReleaseSeed { releases[release]! }

    /// `#filePath` here, not in a default argument, which would expand at the call site.
    static let thisSourceFile = #filePath

    static let costMapFileName = "model_prices_and_context_window.json"
    static let betaHeadersFileName = "anthropic_beta_headers_config.json"

    /// Seed parsing takes a noticeable moment (two cost maps, ~5 MB of JSON), and tests start
    /// many simulators, so the result is shared per directory for the life of the process.
    private static let cache = LockedValue<[String: SeedData]>([:])

    static func load() throws -> SeedData {
        let directory = try locateDirectory()
        // Held while parsing so simulators started together parse the files once, not each.
        return try cache.withLock { cache in
            if let cached = cache[directory] { return cached }
            var releases: [SeedRelease: ReleaseSeed] = [:]
            for release in SeedRelease.allCases {
                let folder = directory + "/" + release.directoryName + "/"
                releases[release] = ReleaseSeed(
                    costMap: try loadCostMap(path: folder + costMapFileName),
                    betaHeaders: try loadBetaHeaders(path: folder + betaHeadersFileName)
                )
            }
            let data = SeedData(directory: directory, releases: releases)
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

    static func loadCostMap(path: String) throws -> CostMapSnapshot {
        let bytes = try readFile(path)
        guard case .object(var catalog) = try parse(bytes, path: path) else {
            throw SimulatorError.invalidSeedData(path: path, reason: "not a JSON object")
        }
        catalog = finalize(catalog)
        let model = SimulatedDeployment.applyRuntimeRegistrations(to: catalog)
        return CostMapSnapshot(
            sourceRevision: Digests.gitBlobID(bytes),
            fetchedCount: catalog.count,
            modelCount: model.count,
            publicBody: ByteBuffer(bytes: PythonJSONWriter.encode(.object(model))),
            catalogBody: ByteBuffer(bytes: PythonJSONWriter.encode(.object(catalog))),
            file: ByteBuffer(bytes: bytes)
        )
    }

    static func loadBetaHeaders(path: String) throws -> BetaHeadersSnapshot {
        let bytes = try readFile(path)
        guard case .object(let config) = try parse(bytes, path: path) else {
            throw SimulatorError.invalidSeedData(path: path, reason: "not a JSON object")
        }
        let providers = config.keys.filter { $0 != "provider_aliases" && $0 != "description" }
        return BetaHeadersSnapshot(providerCount: providers.count, file: ByteBuffer(bytes: bytes))
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
