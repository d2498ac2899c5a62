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
    public static func readBytes(_ path: String, limit: Int = 1 << 20) throws(SettingsError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw .unreadable(path, String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path, String(cString: strerror(errno)))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            if bytes.count > limit { throw .unreadable(path, "larger than \(limit >= 1 << 20 ? "\(limit >> 20) MB" : "\(limit) bytes")") }
        }
        return bytes
    }
}
