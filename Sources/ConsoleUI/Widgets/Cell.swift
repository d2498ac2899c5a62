/// One terminal cell: a grapheme and the role it is painted with. A wide grapheme
/// occupies its cell and marks the next one as `continuation`.
public struct Cell: Equatable, Sendable {
    public var grapheme: Character
    public var role: Role
    public var continuation: Bool

    public init(_ grapheme: Character = " ", role: Role = .text, continuation: Bool = false) {
        self.grapheme = grapheme
        self.role = role
        self.continuation = continuation
    }

    public static let blank = Cell()
}
