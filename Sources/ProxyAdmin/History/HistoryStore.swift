#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The append-only action log, one `HistoryRecord` per line (JSON Lines), with POSIX calls.
///
/// Safe against kills and concurrent writers:
/// - every append opens the file `O_RDWR | O_APPEND`, takes `flock(LOCK_EX)` and writes the whole line
///   with one `write()` loop, so two synctop processes interleave whole records;
/// - a writer killed mid-line leaves a line without its newline: the next writer sees the file
///   does not end in `\n` and starts its record on a fresh line, so the torn line stays one
///   unreadable line that `read()` skips and counts, and no record before or after it is lost;
/// - a failed write (disk full, `ulimit -f`) is cut back to where it started, best effort, and
///   never ends the process (`FileWrite`).
///
/// No `fsync`: the guarantee is about processes being killed, and data a `write()` has handed to
/// the kernel survives that. A power cut may lose the last records, and may leave a torn or
/// zero-filled tail, which reading skips and the next append starts a new line after. Not
/// syncing keeps an append from stalling the dashboard (and, through the lock, other
/// instances) on a slow or busy disk.
public struct HistoryStore: Sendable {
    public let path: String
    /// `write(2)`; tests put in one that fails (a full disk) to check the clean-up.
    var writeCall: FileWrite.Call = FileWrite.system

    public init(path: String) {
        self.path = path
    }

    /// `$XDG_STATE_HOME/synctop/history.jsonl`, else `~/.local/state/synctop/history.jsonl`
    /// (`UserDirectory`: HOME, else the password database); nil when there is no such folder.
    public static func defaultPath(environment: [String: String],
                                   passwordHome: () -> String? = UserDirectory.systemPasswordHome) -> String? {
        (try? UserDirectory.resolve(.state, environment: environment, passwordHome: passwordHome).get()).map { $0.path + "/synctop/history.jsonl" }
    }

    // MARK: - Appending

    /// Appends one record as one line. Creates missing directories (mode 0700) and the file
    /// (mode 0600).
    public func append(_ record: HistoryRecord) throws(HistoryError) {
        try createParentDirectories()
        // O_RDWR rather than O_WRONLY: the last byte is read back (under the lock) to tell
        // whether a killed writer left a line unfinished. O_APPEND puts every write at the end.
        let fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        if fd < 0 { throw .cannotWrite(path: path, reason: HistoryStore.errnoText()) }
        defer { close(fd) }
        try lock(fd, LOCK_EX, failure: HistoryError.cannotWrite)
        defer { _ = flock(fd, LOCK_UN) }

        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .cannotWrite(path: path, reason: HistoryStore.errnoText()) }
        // Created by us (or never written): make it 0600 whatever the umask took away.
        if info.st_size == 0 && info.st_mode & 0o777 != 0o600 { _ = fchmod(fd, 0o600) }

        var line = Array(record.jsonLine.utf8)
        line.append(UInt8(ascii: "\n"))
        if info.st_size > 0 {
            var last: UInt8 = 0
            let n = pread(fd, &last, 1, info.st_size - 1)
            // A writer was killed mid-line: finish that line so ours stands alone. (When
            // the byte cannot be read, a newline is the safe guess: an empty line is skipped.)
            if n != 1 || last != UInt8(ascii: "\n") { line.insert(UInt8(ascii: "\n"), at: 0) }
        }

        // A full disk or `ulimit -f` (SIGXFSZ held: `FileWrite`): the partial line is taken back.
        let (failure, written) = line.withUnsafeBytes { FileWrite.all(fd, $0, call: writeCall) }
        if let failure {
            if written > 0 { _ = ftruncate(fd, info.st_size) }
            throw .cannotWrite(path: path, reason: FileWrite.reason(failure))
        }
    }

    // MARK: - Reading

    /// Every record in file order, and how many non-empty lines were not records (a torn
    /// last line, garbage, a future version's action). A missing file is an empty history.
    /// Only the newest this many bytes are read: a history file is outside input too, and
    /// one grown to gigabytes (or replaced by something hostile) must not take the memory.
    public static let maxReadBytes = 32 << 20

    public func read() throws(HistoryError) -> (records: [HistoryRecord], skippedLines: Int) {
        // O_NONBLOCK: a FIFO put where the history belongs must not hang the reader.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if fd < 0 {
            if errno == ENOENT { return ([], 0) }
            throw .cannotRead(path: path, reason: HistoryStore.errnoText())
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw .cannotRead(path: path, reason: "not a regular file")
        }
        var dropFirstLine = false
        if Int(info.st_size) > Self.maxReadBytes {
            _ = lseek(fd, off_t(Int(info.st_size) - Self.maxReadBytes), SEEK_SET)
            dropFirstLine = true  // it starts mid-record
        }
        // Shared lock: never read a record while it is half written. Best effort: a file
        // system without locks still reads, and a torn line is then skipped like any other.
        while flock(fd, LOCK_SH) != 0 && errno == EINTR {}
        defer { _ = flock(fd, LOCK_UN) }

        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { posixRead(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .cannotRead(path: path, reason: HistoryStore.errnoText())
            }
            if n == 0 || bytes.count >= Self.maxReadBytes { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        if dropFirstLine, let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) { bytes.removeSubrange(...newline) }
        return HistoryStore.parse(bytes)
    }

    /// Splits on `\n` and decodes each line; blank lines are neither records nor skipped.
    /// An observed run is kept once per proxy, job and `last_run`: two synctops watching
    /// one proxy each record the run they saw, and it happened once.
    static func parse(_ bytes: [UInt8]) -> (records: [HistoryRecord], skippedLines: Int) {
        var records: [HistoryRecord] = []
        var skipped = 0
        var runsSeen = Set<String>()
        for raw in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            var line = raw[...]
            while let last = line.last, last == UInt8(ascii: "\r") || last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
                line = line.dropLast()
            }
            if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) { continue }
            if let record = HistoryRecord(jsonLine: String(decoding: line, as: UTF8.self)) {
                if record.action == .observedRun,
                   !runsSeen.insert("\(record.proxy) \(record.job.rawValue) \(record.time.timeIntervalSince1970)").inserted { continue }
                records.append(record)
            } else {
                skipped += 1
            }
        }
        return (records, skipped)
    }

    // MARK: - Helpers

    private func lock(_ fd: Int32, _ op: Int32, failure: (String, String) -> HistoryError) throws(HistoryError) {
        while flock(fd, op) != 0 {
            if errno == EINTR { continue }
            throw failure(path, "cannot lock: " + HistoryStore.errnoText())
        }
    }

    /// `mkdir -p` of the file's directory; directories it creates get mode 0700.
    private func createParentDirectories() throws(HistoryError) {
        guard let slash = path.lastIndex(of: "/") else { return }
        let directory = String(path[..<slash])
        guard !directory.isEmpty else { return }
        var prefix = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += "/" + component
            if mkdir(prefix, 0o700) == 0 {
                _ = chmod(prefix, 0o700) // whatever the umask took away
            } else if errno != EEXIST {
                throw .cannotCreateDirectory(path: prefix, reason: HistoryStore.errnoText())
            }
        }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }

}

/// `read(2)`; at file scope because `HistoryStore.read()` shadows it inside the type.
private func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}

/// What can go wrong with the history file, naming the path and the system's reason.
public enum HistoryError: Error, Equatable, Sendable, CustomStringConvertible {
    case cannotCreateDirectory(path: String, reason: String)
    case cannotWrite(path: String, reason: String)
    case cannotRead(path: String, reason: String)

    public var path: String {
        switch self {
        case .cannotCreateDirectory(let p, _), .cannotWrite(let p, _), .cannotRead(let p, _): p
        }
    }

    public var description: String {
        switch self {
        case .cannotCreateDirectory(let p, let why): "cannot create history directory \(p): \(why)"
        // The reason first: the dashboard's status line may cut the long path.
        case .cannotWrite(let p, let why): "cannot append to the history file: \(why); file \(p)"
        case .cannotRead(let p, let why): "cannot read history file \(p): \(why)"
        }
    }
}
