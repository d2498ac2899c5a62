#if canImport(Glibc)
import Glibc
#endif

/// A string compared and hashed by its exact Unicode scalars (via UTF-8 bytes).
///
/// Swift's `String ==`, `<` and hashing use canonical equivalence, so "é" (U+00E9) and
/// "e\u{301}" would be one key. JSON object keys, and LiteLLM's Python dicts, sets and
/// `sorted()`, compare code points exactly; this wrapper does the same.
struct ExactKey: Hashable, Sendable {
    let string: String

    init(_ string: String) { self.string = string }

    static func == (a: ExactKey, b: ExactKey) -> Bool { a.string.exactlyEquals(b.string) }

    func hash(into hasher: inout Hasher) {
        var s = string
        s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}

extension String {
    /// Same Unicode scalars in the same order (no canonical equivalence). Compared as
    /// contiguous bytes: the cost-map diff calls this ~100,000 times.
    func exactlyEquals(_ other: String) -> Bool {
        guard utf8.count == other.utf8.count else { return false }
        var a = self, b = other
        return a.withUTF8 { x in
            b.withUTF8 { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
        }
    }

    /// Code-point order, as Python's `<` on `str`: UTF-8 byte order is code-point order.
    func precedesByCodePoint(_ other: String) -> Bool {
        utf8.lexicographicallyPrecedes(other.utf8)
    }
}

extension Optional<String> {
    func exactlyEquals(_ other: String?) -> Bool {
        switch (self, other) {
        case (nil, nil): true
        case (let a?, let b?): a.exactlyEquals(b)
        default: false
        }
    }
}

extension String {
    /// Python's `str.startswith`: by code points, not by canonical equivalence (Swift's
    /// `hasPrefix` would not see "claude" in "claude\u{301}…", Python does).
    func startsWithExactly(_ prefix: String) -> Bool { utf8.starts(with: prefix.utf8) }

    /// Python's `str.endswith`, by code points.
    func endsWithExactly(_ suffix: String) -> Bool { utf8.reversed().starts(with: suffix.utf8.reversed()) }

    /// The first occurrence of `needle`, by code points. A byte search on purpose: the
    /// standard `firstRange(of:)` is _StringProcessing's generic search, ~400 kB of code
    /// that `status` would otherwise page in for one "://" (BENCHMARKS.md).
    func firstRangeExactly(of needle: String) -> Range<Index>? {
        let n = Array(needle.utf8)
        guard let first = n.first else { return startIndex..<startIndex }
        let bytes = utf8
        var from = bytes.startIndex
        while let at = bytes[from...].firstIndex(of: first) {
            if bytes[at...].starts(with: n) { return at..<bytes.index(at, offsetBy: n.count) }
            from = bytes.index(after: at)
        }
        return nil
    }

    /// Python's `needle in self`, by code points (UTF-8 substring search is code-point search).
    func containsExactly(_ needle: String) -> Bool { firstRangeExactly(of: needle) != nil }
}
