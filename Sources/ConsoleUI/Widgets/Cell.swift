/// One terminal cell: a grapheme and the role it is painted with. A wide grapheme
/// occupies its cell and marks the next one as `continuation`.
///
/// Packed into one `UInt64`, without reference counting, because a whole frame of cells
/// is built, compared with the last one and dropped every second:
/// - bits 0–20: the grapheme's first Unicode scalar; bits 21–41: a second one (a mark or
///   variation selector, or a flag's second regional indicator), or 0. A longer cluster
///   (a ZWJ emoji sequence) keeps its first scalar.
/// - bits 42–49: the role (its case index); bit 50: `continuation`.
///
/// One integer per cell makes comparing two rows, and filling a rectangle, plain loops
/// over words: with a `Character` inside, retain/release traffic was most of the idle
/// dashboard's CPU, and with four separate fields the row comparison was still the
/// largest single cost of a frame.
public struct Cell: Equatable, Sendable {
    @usableFromInline var bits: UInt64

    @usableFromInline static let scalarMask: UInt64 = 0x1F_FFFF
    @usableFromInline static let roleShift: UInt64 = 42
    @usableFromInline static let continuationBit: UInt64 = 1 << 50

    /// One scalar, no grapheme breaking: the path printable ASCII takes every frame.
    @inlinable
    init(scalar: UInt32, role: Role) {
        bits = UInt64(scalar) & Self.scalarMask | UInt64(role.index) << Self.roleShift
    }

    public init(_ grapheme: Character = " ", role: Role = .text, continuation: Bool = false) {
        var scalars = grapheme.unicodeScalars.makeIterator()
        let first = scalars.next()?.value ?? 0x20
        var second = scalars.next()?.value ?? 0
        // A longer cluster (ZWJ sequence) is cut to its first scalar, never left with a
        // dangling joiner.
        if scalars.next() != nil { second = 0 }
        bits = UInt64(first) | UInt64(second) << 21 | UInt64(role.index) << Self.roleShift
            | (continuation ? Self.continuationBit : 0)
    }

    /// Field by field would be four comparisons; the frame diff compares every cell of
    /// every row once a second, across a module boundary.
    @inlinable
    public static func == (a: Cell, b: Cell) -> Bool { a.bits == b.bits }

    public var role: Role {
        @inlinable get { Role(index: UInt8(truncatingIfNeeded: bits >> Self.roleShift)) }
        set { bits = bits & ~(0xFF << Self.roleShift) | UInt64(newValue.index) << Self.roleShift }
    }

    public var continuation: Bool {
        @inlinable get { bits & Self.continuationBit != 0 }
        set { bits = newValue ? bits | Self.continuationBit : bits & ~Self.continuationBit }
    }

    @usableFromInline var firstScalar: UInt32 { UInt32(truncatingIfNeeded: bits & Self.scalarMask) }
    @usableFromInline var secondScalar: UInt32 { UInt32(truncatingIfNeeded: bits >> 21 & Self.scalarMask) }

    public var grapheme: Character {
        get {
            var s = String.UnicodeScalarView()
            s.append(Unicode.Scalar(firstScalar) ?? " ")
            if secondScalar != 0, let extra = Unicode.Scalar(secondScalar) { s.append(extra) }
            return Character(String(s))
        }
        set { self = Cell(newValue, role: role, continuation: continuation) }
    }

    /// The cell's one scalar when it holds exactly one and is not a right half: what the
    /// frame diff writes without building a `Character` (almost every changed cell).
    @inlinable
    public var singleScalar: Unicode.Scalar? {
        guard bits & Self.continuationBit == 0, secondScalar == 0 else { return nil }
        return Unicode.Scalar(firstScalar)
    }

    public static let blank = Cell()
}

extension Role {
    /// The case's position in the declaration, which is how Swift stores a payload-free
    /// enum (one byte here); `CellTests` checks the round trip for every case.
    @inlinable var index: UInt8 { unsafeBitCast(self, to: UInt8.self) }

    /// Only for indices `index` gave: a cell's bits are only ever built from a `Role`.
    @inlinable init(index: UInt8) {
        self = unsafeBitCast(index, to: Role.self)
    }
}
