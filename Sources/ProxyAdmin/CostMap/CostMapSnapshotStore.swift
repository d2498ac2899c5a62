#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Copies of a proxy's cost map as synctop fetched it, so a later fetch can be diffed
/// against it: `$XDG_CACHE_HOME/synctop/cost-maps/<proxy>/<time>.json` (else
/// `~/.cache/...`). A copy identical to the newest is not written again; only the newest
/// `keep` per proxy stay (3 MB each).
public struct CostMapSnapshotStore: Sendable {
    public let directory: String
    public let keep: Int
    /// `write(2)`; tests put in one that fails (a full disk) to check the clean-up.
    var writeCall: FileWrite.Call = FileWrite.system

    public struct Snapshot: Sendable, Equatable {
        public var path: String
        public var savedAt: Date
    }

    public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
        case cannotWrite(path: String, reason: String)
        case cannotRead(path: String, reason: String)
        public var description: String {
            switch self {
            // The reason first: the dashboard's status line may cut the long path.
            case .cannotWrite(let p, let r): "cannot write the snapshot: \(r); file \(p)"
            case .cannotRead(let p, let r): "cannot read the snapshot \(p): \(r)"
            }
        }
    }

    /// `kind`: "cost-maps", or "beta-mappings" for the mapping last seen for a proxy
    /// (the proxy exposes none, so a beta-header preview compares with this).
    public init(root: String, proxyURL: String, keep: Int = 5, kind: String = "cost-maps") {
        directory = root + "/" + kind + "/" + Self.folderName(proxyURL)
        self.keep = max(1, keep)
    }

    /// `$XDG_CACHE_HOME/synctop`, else `~/.cache/synctop` (`UserDirectory`: HOME, else the
    /// password database), or why there is none.
    public static func defaultRoot(environment: [String: String],
                                   passwordHome: () -> String? = UserDirectory.systemPasswordHome) -> Result<String, UserDirectory.Unavailable> {
        UserDirectory.resolve(.cache, environment: environment, passwordHome: passwordHome).map { $0.path + "/synctop" }
    }

    /// "127.0.0.1_4000-1a2b3c4d": readable, and a hash of the whole URL (user info
    /// dropped) keeps two proxies on one host apart.
    static func folderName(_ proxyURL: String) -> String {
        let url = HistoryRecord.withoutUserInfo(proxyURL)
        let parts = url.split(separator: "://", maxSplits: 1)
        let rest = parts.count == 2 ? parts[1] : Substring(url)
        let readable = String(rest.prefix(48).map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") ? $0 : "_" })
        var hash: UInt32 = 2_166_136_261  // FNV-1a
        for b in url.utf8 { hash = (hash ^ UInt32(b)) &* 16_777_619 }
        let hex = String(hash, radix: 16)
        return readable + "-" + String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// Newest first.
    public func list() -> [Snapshot] {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var found: [Snapshot] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name.hasSuffix(".json"), let ms = Int64(name.dropLast(5)) else { continue }
            found.append(Snapshot(path: directory + "/" + name, savedAt: Date(timeIntervalSince1970: Double(ms) / 1000)))
        }
        return found.sorted { $0.savedAt > $1.savedAt }
    }

    public func latest() -> Snapshot? { list().first }

    public func read(_ snapshot: Snapshot) throws(StoreError) -> [UInt8] {
        do {
            guard let bytes = try LocalFile.readBytes(snapshot.path, limit: 64 << 20) else {
                throw StoreError.cannotRead(path: snapshot.path, reason: "it is gone")
            }
            return bytes
        } catch let e as StoreError {
            throw e
        } catch {
            throw .cannotRead(path: snapshot.path, reason: "\(error)")
        }
    }

    /// Saves `bytes` unless they equal the newest snapshot; returns the snapshot that now
    /// holds them. Written to a temporary name and renamed, so a reader never sees half.
    @discardableResult
    public func save(_ bytes: [UInt8], at time: Date) throws(StoreError) -> Snapshot {
        let existing = list()
        if let newest = existing.first, Self.file(newest.path, holds: bytes) { return newest }
        try createDirectories()
        var ms = Int64((time.timeIntervalSince1970 * 1000).rounded())
        if let newest = existing.first { ms = max(ms, Int64((newest.savedAt.timeIntervalSince1970 * 1000).rounded()) + 1) }
        let path = directory + "/\(ms).json"
        let temporary = path + ".part-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        if fd < 0 { throw .cannotWrite(path: path, reason: Self.errnoText()) }
        // A full disk or `ulimit -f`: the temporary file goes, the error says why.
        let failure = bytes.withUnsafeBytes { FileWrite.all(fd, $0, call: writeCall).errno }
        if close(fd) != 0, failure == nil {
            let reason = Self.errnoText()
            unlink(temporary)
            throw .cannotWrite(path: path, reason: reason)
        }
        if let failure {
            unlink(temporary)
            throw .cannotWrite(path: path, reason: FileWrite.reason(failure))
        }
        guard rename(temporary, path) == 0 else {
            let reason = Self.errnoText()
            unlink(temporary)
            throw .cannotWrite(path: path, reason: reason)
        }
        for old in list().dropFirst(keep) { unlink(old.path) }
        removeAbandonedParts()
        return Snapshot(path: path, savedAt: Date(timeIntervalSince1970: Double(ms) / 1000))
    }

    /// Temporary files of writers that were killed (SIGKILL, a power cut) before they could
    /// remove theirs: `NAME.json.part-PID` whose process is gone.
    private func removeAbandonedParts() {
        guard let dir = opendir(directory) else { return }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard let marker = name.firstRange(of: ".json.part-"), let pid = Int32(name[marker.upperBound...]) else { continue }
            if pid != getpid(), kill(pid, 0) != 0, errno == ESRCH { unlink(directory + "/" + name) }
        }
    }

    /// Compares a file with `bytes` 64 KB at a time, never holding a second 3 MB copy.
    static func file(_ path: String, holds bytes: [UInt8]) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, Int(info.st_size) == bytes.count else { return false }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        var offset = 0
        while offset < bytes.count {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, min($0.count, bytes.count - offset)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            let same = chunk.withUnsafeBytes { c in bytes.withUnsafeBytes { b in memcmp(c.baseAddress!, b.baseAddress! + offset, n) == 0 } }
            guard same else { return false }
            offset += n
        }
        return true
    }

    private func createDirectories() throws(StoreError) {
        var prefix = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/") {
            prefix += "/" + component
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST {
                throw .cannotWrite(path: prefix, reason: Self.errnoText())
            }
        }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
