/// One terminal cell: a grapheme and the role it is painted with. A wide grapheme
/// occupies its cell and marks the next one as `continuation`.
///
/// Stored without reference counting — the grapheme as up to two inline Unicode scalars
/// (a base plus one mark or variation selector, or a flag's two regional indicators) —
/// because a whole frame of cells is built and dropped every second: with a `Character`
/// inside, that retain/release traffic was most of the dashboard's idle CPU. A longer
/// cluster (a ZWJ emoji sequence) keeps its first scalar.
public struct Cell: Equatable, Sendable {
    @usableFromInline var first: UInt32
    @usableFromInline var second: UInt32
    public var role: Role
    public var continuation: Bool

    /// One scalar, no grapheme breaking: the path printable ASCII takes every frame.
    @inlinable
    init(scalar: UInt32, role: Role) {
        first = scalar
        second = 0
        self.role = role
        continuation = false
    }

    /// Field by field and inlinable: the frame diff compares every cell of every row once
    /// a second, across a module boundary.
    @inlinable
    public static func == (a: Cell, b: Cell) -> Bool {
        a.first == b.first && a.second == b.second && a.role == b.role && a.continuation == b.continuation
    }

    public init(_ grapheme: Character = " ", role: Role = .text, continuation: Bool = false) {
        var scalars = grapheme.unicodeScalars.makeIterator()
        first = scalars.next()?.value ?? 0x20
        second = scalars.next()?.value ?? 0
        // A longer cluster (ZWJ sequence) is cut to its first scalar, never left with a
        // dangling joiner.
        if scalars.next() != nil { second = 0 }
        self.role = role
        self.continuation = continuation
    }

    public var grapheme: Character {
        get {
            var s = String.UnicodeScalarView()
            s.append(Unicode.Scalar(first) ?? " ")
            if second != 0, let extra = Unicode.Scalar(second) { s.append(extra) }
            return Character(String(s))
        }
        set { self = Cell(newValue, role: role, continuation: continuation) }
    }

    public static let blank = Cell()
}
