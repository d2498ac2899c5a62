/// The top-level members of a JSON object as byte ranges, values left unparsed: what the
/// cost-map diff needs to find the few fields that changed in an entry of twenty-odd
/// without building either entry as a tree (parsing both sides of ~2,600 changed entries
/// was most of the diff's time).
///
/// Meant for bytes the parser has already accepted (a cost-map entry's `raw`). It stays
/// bounds-checked on anything else and answers nil for what it does not handle — not an
/// object, a key with an escape, two keys that may be the same, malformed input — so the
/// caller can fall back to the parser, which gives the exact answer.
struct JSONMembers {
    struct Member {
        let key: Range<Int>
        let value: Range<Int>
        /// FNV-1a of the key's bytes: compared before the bytes themselves.
        let hash: UInt64
    }

    let members: [Member]

    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        var scanner = Scanner(bytes: bytes)
        guard let members = scanner.object(), scanner.atEnd() else { return nil }
        // A repeated key keeps its last value at its first place in the tree; the tree
        // handles that. Equal hashes are rare enough to send there too.
        var hashes = members.map(\.hash)
        hashes.sort()
        for k in hashes.indices.dropFirst() where hashes[k] == hashes[k - 1] { return nil }
        self.members = members
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var i = 0

        mutating func object() -> [Member]? {
            skipWhitespace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else { return nil }
            i += 1
            var out: [Member] = []
            out.reserveCapacity(32)
            skipWhitespace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return out }
            while true {
                skipWhitespace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return nil }
                i += 1
                let keyStart = i
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
                    if bytes[i] == UInt8(ascii: "\\") { return nil }  // the parser decodes escapes
                    hash = (hash ^ UInt64(bytes[i])) &* 0x100_0000_01b3
                    i += 1
                }
                guard i < bytes.count else { return nil }
                let key = keyStart..<i
                i += 1
                skipWhitespace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return nil }
                i += 1
                skipWhitespace()
                let valueStart = i
                guard skipValue() else { return nil }
                out.append(Member(key: key, value: valueStart..<i, hash: hash))
                skipWhitespace()
                guard i < bytes.count else { return nil }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; return out }
                return nil
            }
        }

        mutating func atEnd() -> Bool {
            skipWhitespace()
            return i == bytes.count
        }

        /// Past one value: strings to their closing quote, arrays and objects to their
        /// matching bracket (brackets inside strings do not count), anything else to the
        /// next delimiter. Validity is the parser's business.
        private mutating func skipValue() -> Bool {
            guard i < bytes.count else { return false }
            switch bytes[i] {
            case UInt8(ascii: "\""):
                return skipString()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                while i < bytes.count {
                    switch bytes[i] {
                    case UInt8(ascii: "\""):
                        guard skipString() else { return false }
                        continue
                    case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"):
                        depth -= 1
                        if depth == 0 { i += 1; return true }
                    default: break
                    }
                    i += 1
                }
                return false
            default:
                let start = i
                while i < bytes.count {
                    switch bytes[i] {
                    case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09:
                        return i > start
                    default: i += 1
                    }
                }
                return i > start
            }
        }

        /// At the opening quote; leaves `i` after the closing one.
        private mutating func skipString() -> Bool {
            i += 1
            while i < bytes.count {
                switch bytes[i] {
                case UInt8(ascii: "\""): i += 1; return true
                case UInt8(ascii: "\\"): i += 2
                default: i += 1
                }
            }
            return false
        }

        private mutating func skipWhitespace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        }
    }
}
