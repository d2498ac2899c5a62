#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading small local files (key file, LiteLLM CLI config, beta-header mapping) with
/// POSIX calls: nil when the file does not exist, an error naming the file otherwise.
public enum LocalFile {
    public static func readText(_ path: String) throws(SettingsError) -> String? {
        try readBytes(path).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The file's bytes; nil when it does not exist. Refused past `limit` bytes.
    /// Opened `O_NONBLOCK` and refused unless a regular file: a FIFO or device given as a
    /// config, theme or mapping file must not hang synctop or stream forever.
    public static func readBytes(_ path: String, limit: Int = 1 << 20) throws(SettingsError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw .unreadable(path, String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable(path, String(cString: strerror(errno))) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw .unreadable(path, "Is a directory") }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .unreadable(path, "not a regular file (a FIFO, socket or device?)") }
        return try readAll(fd, path, limit: limit,
                           tooLarge: "larger than \(limit >= 1 << 20 ? "\(limit >> 20) MB" : "\(limit) bytes")")
    }

    /// Every byte of an open file, refused past `limit`.
    private static func readAll(_ fd: Int32, _ path: String, limit: Int, tooLarge: String) throws(SettingsError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: min(65_536, limit + 1))
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path, String(cString: strerror(errno)))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > limit { throw .unreadable(path, tooLarge) }
        }
        return bytes
    }

    /// A file holding a secret (the API key), refused unless it is a regular file that
    /// neither group nor others can read, as ssh refuses an open private key. Checked by
    /// path before opening (a device may act on open) and on the open file (what is read);
    /// opened `O_NONBLOCK`, so a FIFO put there meanwhile cannot hang synctop. nil when it
    /// does not exist.
    public static func readSecret(_ path: String) throws(SettingsError) -> String? {
        var info = stat()
        if stat(path, &info) != 0 {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw .unreadable(path, String(cString: strerror(errno)))
        }
        try checkSecret(path, info)
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        if fd < 0 { throw .unreadable(path, String(cString: strerror(errno))) }
        defer { close(fd) }
        guard fstat(fd, &info) == 0 else { throw .unreadable(path, String(cString: strerror(errno))) }
        try checkSecret(path, info)
        let bytes = try readAll(fd, path, limit: 64 << 10, tooLarge: "larger than 64 KB: not a key file")
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func checkSecret(_ path: String, _ info: stat) throws(SettingsError) {
        let kind: String? = switch info.st_mode & S_IFMT {
        case S_IFREG: nil
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFDIR: "a folder"
        default: "not a regular file"
        }
        if let kind { throw .keyFileNotRegular(path, kind: kind) }
        let mode = info.st_mode & 0o777
        // Writable by others is as bad: whoever can write it chooses the key synctop sends.
        if mode & 0o066 != 0 { throw .keyFileReadableByOthers(path, mode: UInt32(mode)) }
    }
}
