#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// What changed between two cost maps: models added, removed, and changed field by field
/// (old → new; prices also as a percentage). Values compare as Python compares the parsed
/// JSON: 1 == 1.0, and object key order does not matter.
public struct CostMapDiff: Sendable, Equatable {
    public var added: [String]
    public var removed: [String]
    public var changed: [EntryChange]
    /// Each map's `modelCount`: LiteLLM's count, `sample_spec` included.
    public var oldCount: Int
    public var newCount: Int

    public struct EntryChange: Sendable, Equatable {
        public var name: String
        public var fields: [FieldChange]
        /// Any field whose name holds "cost" changed: the entry was re-priced.
        public var isRepriced: Bool { fields.contains { $0.isPrice } }
    }

    public struct FieldChange: Sendable, Equatable {
        /// The field; "" when the entry itself is not an object.
        public var key: String
        public var old: JSONValue?
        public var new: JSONValue?
        /// The field's name holds "cost" (input_cost_per_token, cache_read_input_token_cost…).
        public let isPrice: Bool

        public init(key: String, old: JSONValue?, new: JSONValue?) {
            self.key = key
            self.old = old
            self.new = new
            isPrice = SearchText.contains(Array(key.utf8), Self.cost)
        }

        private static let cost = Array("cost".utf8)

        /// (new − old) / old in percent, for numeric price fields with a non-zero old value.
        public var percent: Double? {
            guard isPrice, let o = old.flatMap(ModelEntry.number), let n = new.flatMap(ModelEntry.number), o != 0 else { return nil }
            return (n - o) / o * 100
        }
    }

    public var repricedCount: Int { changed.count { $0.isRepriced } }
    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }

    /// "+1,517 new, −3 removed, 41 re-priced, 7 other changes" (zero parts left out).
    public var summary: String {
        if isEmpty { return "no change (\(ModelNumberText.grouped(newCount)) models)" }
        var parts: [String] = []
        if !added.isEmpty { parts.append("+\(ModelNumberText.grouped(added.count)) new") }
        if !removed.isEmpty { parts.append("−\(ModelNumberText.grouped(removed.count)) removed") }
        let repriced = repricedCount
        if repriced > 0 { parts.append("\(ModelNumberText.grouped(repriced)) re-priced") }
        let other = changed.count - repriced
        if other > 0 { parts.append("\(ModelNumberText.grouped(other)) other change\(other == 1 ? "" : "s")") }
        return parts.joined(separator: ", ")
    }

    /// "3,412 → 4,554 models": both maps' `modelCount`.
    public var counts: String { "\(ModelNumberText.grouped(oldCount)) → \(ModelNumberText.grouped(newCount)) models" }

    public init(old: CostMap, new: CostMap) {
        oldCount = old.modelCount
        newCount = new.modelCount
        added = new.entries.filter { old.index[ExactKey($0.name)] == nil }.map(\.name)
        removed = old.entries.filter { new.index[ExactKey($0.name)] == nil }.map(\.name)
        // Changed entries are parsed on both sides: the slow part, so split across cores.
        let entries = new.entries
        let parts = max(1, min(8, ProcessInfo.processInfo.activeProcessorCount))
        let results = ChunkResults(count: parts)
        ParallelFor.run(iterations: parts) { part in
            var found: [EntryChange] = []
            let lower = entries.count * part / parts, upper = entries.count * (part + 1) / parts
            for entry in entries[lower..<upper] {
                guard let i = old.index[ExactKey(entry.name)] else { continue }
                if old.entries[i].raw == entry.raw { continue }  // the same bytes: the same value
                let fields = Self.fieldChanges(old.entries[i], entry)
                if fields.isEmpty { continue }  // same value, other bytes (1.0 vs 1, key order, spacing)
                found.append(EntryChange(name: entry.name, fields: fields))
            }
            results.set(part, found)
        }
        let changed = results.joined()
        self.changed = changed
    }

    /// `fieldChanges(_:_:)` of two entries, from their bytes: only the fields whose bytes
    /// differ are parsed. Entries the member scan does not take (escaped or repeated keys,
    /// not an object) go through the tree.
    static func fieldChanges(_ old: ModelEntry, _ new: ModelEntry) -> [FieldChange] {
        let fast = old.raw.withUnsafeBufferPointer { o in
            new.raw.withUnsafeBufferPointer { n in Self.fieldChanges(o, n) }
        }
        return fast ?? fieldChanges(old.value, new.value)
    }

    /// The same walk as `fieldChanges(_:_:)` over byte ranges; nil where a value does not
    /// parse (then the tree decides).
    private static func fieldChanges(_ ob: UnsafeBufferPointer<UInt8>, _ nb: UnsafeBufferPointer<UInt8>) -> [FieldChange]? {
        guard let o = JSONMembers(ob)?.members, let n = JSONMembers(nb)?.members else { return nil }
        /// The same bytes at `a` in the old entry and `b` in the new one.
        func sameBytes(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
            a.count == b.count && (a.isEmpty || memcmp(ob.baseAddress! + a.lowerBound, nb.baseAddress! + b.lowerBound, a.count) == 0)
        }
        func sameKey(_ a: JSONMembers.Member, _ b: JSONMembers.Member) -> Bool { a.hash == b.hash && sameBytes(a.key, b.key) }
        func value(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> JSONValue? {
            try? JSONParser.parse(UnsafeBufferPointer(rebasing: buffer[range]))
        }
        func key(_ buffer: UnsafeBufferPointer<UInt8>, _ m: JSONMembers.Member) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: buffer[m.key]), as: UTF8.self)
        }
        /// nil: equal; else the two values (nil when one does not parse).
        func compare(_ a: JSONMembers.Member, _ b: JSONMembers.Member) -> (JSONValue, JSONValue)?? {
            if sameBytes(a.value, b.value) { return .some(nil) }
            guard let x = value(ob, a.value), let y = value(nb, b.value) else { return nil }
            return x.sameValue(as: y) ? .some(nil) : (x, y)
        }
        var out: [FieldChange] = []
        var k = 0
        while k < o.count, k < n.count, sameKey(o[k], n[k]) {
            guard let difference = compare(o[k], n[k]) else { return nil }
            if let (x, y) = difference { out.append(FieldChange(key: key(nb, n[k]), old: x, new: y)) }
            k += 1
        }
        if k == o.count, k == n.count { return out }
        for m in n[k...] {
            guard let before = o.first(where: { sameKey($0, m) }) else {
                guard let y = value(nb, m.value) else { return nil }
                out.append(FieldChange(key: key(nb, m), old: nil, new: y))
                continue
            }
            guard let difference = compare(before, m) else { return nil }
            if let (x, y) = difference { out.append(FieldChange(key: key(nb, m), old: x, new: y)) }
        }
        for m in o[k...] where !n.contains(where: { sameKey(m, $0) }) {
            guard let x = value(ob, m.value) else { return nil }
            out.append(FieldChange(key: key(ob, m), old: x, new: nil))
        }
        return out
    }

    /// Fields in the new entry's order, then fields only the old one had; empty when the
    /// two are the same value. Keys usually come in the same order on both sides, so they
    /// are walked in step, and only the rest goes through a dictionary.
    static func fieldChanges(_ old: JSONValue, _ new: JSONValue) -> [FieldChange] {
        guard case .object(let o) = old, case .object(let n) = new else {
            return old.sameValue(as: new) ? [] : [FieldChange(key: "", old: old, new: new)]
        }
        var out: [FieldChange] = []
        var k = 0
        while k < o.count, k < n.count, o[k].0.exactlyEquals(n[k].0) {
            if !o[k].1.sameValue(as: n[k].1) { out.append(FieldChange(key: n[k].0, old: o[k].1, new: n[k].1)) }
            k += 1
        }
        if k == o.count, k == n.count { return out }
        var oldByKey: [ExactKey: JSONValue] = [:]
        for (key, v) in o { oldByKey[ExactKey(key)] = v }
        var newKeys = Set<ExactKey>()
        for (key, _) in n { newKeys.insert(ExactKey(key)) }
        for (key, v) in n[k...] {
            let before = oldByKey[ExactKey(key)]
            if let before, before.sameValue(as: v) { continue }
            out.append(FieldChange(key: key, old: before, new: v))
        }
        for (key, v) in o[k...] where !newKeys.contains(ExactKey(key)) {
            out.append(FieldChange(key: key, old: v, new: nil))
        }
        return out
    }
}

/// One slot per chunk of a parallel diff, each written by exactly one worker.
private final class ChunkResults: Sendable {
    private let slots: Mutex<[[CostMapDiff.EntryChange]]>
    init(count: Int) { slots = Mutex(Array(repeating: [], count: count)) }
    func set(_ i: Int, _ value: [CostMapDiff.EntryChange]) { slots.withLock { $0[i] = value } }
    func joined() -> [CostMapDiff.EntryChange] { slots.withLock { $0.flatMap { $0 } } }
}

extension JSONValue {
    /// Equality as Python's `==` on parsed JSON: ints equal floats of the same value, and
    /// objects compare as dicts (key order ignored, a repeated key keeps its last value).
    public func sameValue(as other: JSONValue) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.int, .double), (.double, .int), (.double, .double):
            return doubleValue == other.doubleValue
        case (.string(let a), .string(let b)): return a.exactlyEquals(b)
        case (.array(let a), .array(let b)): return a.count == b.count && zip(a, b).allSatisfy { $0.sameValue(as: $1) }
        case (.object(let a), .object(let b)):
            if a.count == b.count, zip(a, b).allSatisfy({ $0.0.exactlyEquals($1.0) && $0.1.sameValue(as: $1.1) }) { return true }
            var da: [ExactKey: JSONValue] = [:]
            for (k, v) in a { da[ExactKey(k)] = v }
            var db: [ExactKey: JSONValue] = [:]
            for (k, v) in b { db[ExactKey(k)] = v }
            guard da.count == db.count else { return false }
            return da.allSatisfy { k, v in db[k].map { v.sameValue(as: $0) } ?? false }
        default: return false
        }
    }
}
