#if canImport(Glibc)
import Glibc
#endif

/// The one redactor: keeps the API key (and a password in a URL's user info) out of
/// everything shown, logged or stored. The client scrubs every answer's bytes with its
/// own key before anything reads them (a gateway or debug build may echo the
/// Authorization header into an error); the command-line writer, the history writer and
/// the dashboard's error texts pass through `redact` with every secret registered for
/// the process, as a second line of defence.
public enum Redactor {
    private static let lock = ConditionLock()
    nonisolated(unsafe) private static var registered: [(secret: String, mask: String)] = []

    /// Secrets shorter than this are not scrubbed: replacing every "ab" in a screen would
    /// garble it and hide nothing (such a key is refused by LiteLLM anyway).
    public static let minimumLength = 4

    /// Adds a secret for the life of the process; `mask` is what it becomes.
    public static func register(_ secret: String, mask: String) {
        guard secret.utf8.count >= minimumLength else { return }
        lock.withLock {
            if !registered.contains(where: { $0.secret == secret }) { registered.append((secret, mask)) }
        }
    }

    /// Registers an API key, masked as `sk-…a1b2`.
    public static func register(apiKey: String?) {
        if let apiKey { register(apiKey, mask: APIKey.mask(apiKey)) }
    }

    /// `text` with every registered secret replaced by its mask: every occurrence of its
    /// bytes, as `scrub` does (also one that a combining mark follows, which a search by
    /// characters would pass over).
    public static func redact(_ text: String) -> String {
        let secrets = lock.withLock { registered }
        guard !secrets.isEmpty else { return text }
        var bytes = Array(text.utf8), changed = false
        for (secret, mask) in secrets {
            guard let after = replacing(bytes, Array(secret.utf8), with: Array(mask.utf8)) else { continue }
            bytes = after
            changed = true
        }
        return changed ? String(decoding: bytes, as: UTF8.self) : text
    }

    /// Tests only: forget every secret.
    public static func reset() { lock.withLock { registered = [] } }

    /// `bytes` with every occurrence of `secret` replaced by its masked form; the same
    /// array (no copy) when it does not occur. memchr for the first byte, then memcmp
    /// (Glibc's memmem is not imported without _GNU_SOURCE): a 3 MB cost map is scanned
    /// in about a millisecond.
    public static func scrub(_ bytes: [UInt8], secret: String?) -> [UInt8] {
        guard let secret, secret.utf8.count >= minimumLength, !bytes.isEmpty else { return bytes }
        return replacing(bytes, Array(secret.utf8), with: Array(APIKey.mask(secret).utf8)) ?? bytes
    }

    /// `bytes` with every occurrence of `needle` replaced by `mask`; nil when there is none.
    private static func replacing(_ bytes: [UInt8], _ needle: [UInt8], with mask: [UInt8]) -> [UInt8]? {
        guard !needle.isEmpty, !bytes.isEmpty else { return nil }
        var out: [UInt8] = []
        var from = 0
        bytes.withUnsafeBytes { hay in
            needle.withUnsafeBytes { n in
                while let at = find(n, in: hay, from: from) {
                    if out.isEmpty { out.reserveCapacity(bytes.count) }
                    out.append(contentsOf: hay[from..<at])
                    out.append(contentsOf: mask)
                    from = at + n.count
                }
            }
        }
        if from == 0 { return nil }
        out.append(contentsOf: bytes[from...])
        return out
    }

    private static func find(_ needle: UnsafeRawBufferPointer, in hay: UnsafeRawBufferPointer, from: Int) -> Int? {
        var i = from
        let last = hay.count - needle.count
        let first = Int32(needle[0])
        while i <= last {
            guard let hit = memchr(hay.baseAddress! + i, first, last - i + 1) else { return nil }
            let at = hay.baseAddress!.distance(to: UnsafeRawPointer(hit))
            if memcmp(hay.baseAddress! + at, needle.baseAddress!, needle.count) == 0 { return at }
            i = at + 1
        }
        return nil
    }
}

/// URLs as they may be shown: a password in the user info becomes `***`
/// (`https://ops:***@proxy`), and is registered with the redactor so an echo of it is
/// scrubbed too.
public enum URLText {
    public static func display(_ url: String) -> String {
        guard let (start, end) = passwordRange(url) else { return url }
        return String(url[..<start]) + "***" + String(url[end...])
    }

    /// Registers the password of `url`, if it has one.
    public static func registerSecrets(of url: String) {
        guard let (start, end) = passwordRange(url) else { return }
        Redactor.register(String(url[start..<end]), mask: "***")
    }

    /// The password's range in `scheme://user:password@host...`.
    static func passwordRange(_ url: String) -> (String.Index, String.Index)? {
        guard let scheme = url.firstRangeExactly(of: "://") else { return nil }
        let authorityEnd = url[scheme.upperBound...].firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? url.endIndex
        let authority = url[scheme.upperBound..<authorityEnd]
        guard let at = authority.lastIndex(of: "@") else { return nil }
        let userInfo = authority[..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return nil }
        let start = url.index(after: colon)
        return start < at ? (start, at) : nil
    }

    /// The first character a URL may not hold as itself (CR, LF, TAB, space or any other
    /// control): such a URL would split or smuggle a request line, so it is refused
    /// before anything is sent.
    public static func forbiddenCharacter(in url: String) -> String? {
        for u in url.unicodeScalars where u.value <= 0x20 || u.value == 0x7F || SafeText.isUnsafe(u.value) {
            return u == " " ? "a space" : SafeText.escape(u.value)
        }
        return nil
    }
}
