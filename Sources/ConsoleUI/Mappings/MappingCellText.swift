import ProxyAdmin

/// How one beta-on-provider cell reads in the table: a symbol an operator can scan down a
/// column (✓ forwarded, → renamed, ✗ unsupported, · absent), an `h` for header-only, and
/// the new name when renamed.
enum MappingCellText {
    static func span(_ cell: BetaCell) -> Span {
        let marker = cell.isHeaderOnly ? "h" : ""
        switch cell.inHeader {
        case .forwarded: return Span("✓" + marker, .mappingForwarded)
        case .renamed(let name): return Span("→" + marker + " " + name, .mappingRenamed)
        case .unsupported: return Span("✗" + marker + " null", .mappingUnsupported)
        case .absent: return Span("·" + marker, .mappingAbsent)
        }
    }

    static func role(_ treatment: BetaTreatment) -> Role {
        switch treatment {
        case .forwarded: .mappingForwarded
        case .renamed: .mappingRenamed
        case .unsupported: .mappingUnsupported
        case .absent: .mappingAbsent
        }
    }

    /// The legend under the table.
    static let legend: Line = [
        Span("✓", .mappingForwarded), Span(" forwarded  ", .dim),
        Span("→", .mappingRenamed), Span(" renamed  ", .dim),
        Span("✗", .mappingUnsupported), Span(" unsupported (null)  ", .dim),
        Span("·", .mappingAbsent), Span(" absent (dropped)  ", .dim),
        Span("h", .text), Span(" header-only", .dim),
    ]
}
