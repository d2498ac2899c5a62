/// What one column of the mapping file says about one beta: the four cases an operator
/// must tell apart (the February incident was a beta forwarded where it was unsupported).
public enum BetaTreatment: Sendable, Equatable, CustomStringConvertible {
    /// Mapped to its own name: forwarded unchanged.
    case forwarded
    /// Mapped to another name: forwarded as that name.
    case renamed(to: String)
    /// Mapped to `null`: dropped as unsupported.
    case unsupported
    /// Not a key of the column: dropped as unknown.
    case absent

    /// From a column entry: nil when the beta is not listed, `.some(nil)` for `null`.
    init(beta: String, entry: String??) {
        switch entry {
        case nil: self = .absent
        case .some(nil): self = .unsupported
        case .some(.some(let name)): self = name.exactlyEquals(beta) ? .forwarded : .renamed(to: name)
        }
    }

    /// Exact code points: `.renamed(to: "é")` differs from `.renamed(to: "e\u{301}")`.
    public static func == (a: BetaTreatment, b: BetaTreatment) -> Bool {
        switch (a, b) {
        case (.forwarded, .forwarded), (.unsupported, .unsupported), (.absent, .absent): true
        case (.renamed(let x), .renamed(let y)): x.exactlyEquals(y)
        default: false
        }
    }

    /// Forwarded under some name (its own or another).
    public var isSupported: Bool {
        switch self {
        case .forwarded, .renamed: true
        case .unsupported, .absent: false
        }
    }

    /// The name the provider receives for `beta`, nil when it is dropped.
    public func forwardedName(of beta: String) -> String? {
        switch self {
        case .forwarded: beta
        case .renamed(let name): name
        case .unsupported, .absent: nil
        }
    }

    /// "forwarded", "renamed", "unsupported", "absent": the JSON `status`.
    public var status: String {
        switch self {
        case .forwarded: "forwarded"
        case .renamed: "renamed"
        case .unsupported: "unsupported"
        case .absent: "absent"
        }
    }

    /// "forwarded", "renamed to X", "unsupported (null)", "absent (unknown)".
    public var description: String {
        switch self {
        case .forwarded: "forwarded"
        case .renamed(let name): "renamed to \(name)"
        case .unsupported: "unsupported (null)"
        case .absent: "absent (unknown)"
        }
    }
}

/// One beta on one provider: its column's entry and, when the provider has a
/// `<provider>_header_only` column listing it, that entry too.
public struct BetaCell: Sendable, Equatable {
    /// The provider's own column (`.absent` when the provider has no column).
    public var column: BetaTreatment
    /// The `<provider>_header_only` entry; nil when the beta is not listed there.
    public var headerOnly: BetaTreatment?

    public init(column: BetaTreatment, headerOnly: BetaTreatment? = nil) {
        self.column = column
        self.headerOnly = headerOnly
    }

    /// Listed in `<provider>_header_only`: accepted only as the HTTP header.
    public var isHeaderOnly: Bool { headerOnly != nil }

    /// The HTTP header uses the column overlaid by the header-only column (overlay wins).
    public var inHeader: BetaTreatment { headerOnly ?? column }

    /// The body field uses the column without the header-only betas.
    public var inBody: BetaTreatment { headerOnly == nil ? column : .absent }

    public func treatment(in placement: BetaPlacement) -> BetaTreatment {
        placement == .header ? inHeader : inBody
    }
}

/// Where the betas travel: the `anthropic-beta` HTTP header or the `anthropic_beta`
/// request-body field. They differ only by the header-only columns.
public enum BetaPlacement: String, Sendable, Equatable, CaseIterable {
    case header, body

    /// "anthropic-beta header", "anthropic_beta body field".
    public var label: String {
        switch self {
        case .header: "anthropic-beta header"
        case .body: "anthropic_beta body field"
        }
    }
}
