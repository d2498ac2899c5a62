/// Role → style. A theme file (`themes/*.toml`, a TOML subset: comments, `key = "value"`,
/// one `[roles]` table) names only what it changes; the rest comes from the default.
public struct Theme: Equatable, Sendable {
    public var name: String
    public var styles: [Role: Style]

    public init(name: String, styles: [Role: Style]) {
        self.name = name
        self.styles = styles
    }

    public func style(_ role: Role) -> Style { styles[role] ?? Style() }

    /// The built-in dark theme, parsed from `Theme.defaultSource` (kept identical to
    /// `themes/default.toml` by a test).
    public static let `default`: Theme = {
        switch parse(defaultSource, file: "themes/default.toml", base: nil) {
        case .success(let t): return t
        case .failure(let e): fatalError("built-in theme is broken: \(e)")
        }
    }()

    /// Parses theme text. Roles it leaves out inherit from `base` (the default theme
    /// unless given); an unknown role, a bad colour or a malformed line is an error that
    /// names the file and line.
    public static func parse(_ source: String, file: String, base: Theme? = Theme.default) -> Result<Theme, ThemeError> {
        var name = file
        var styles = base?.styles ?? [:]
        var section = ""
        for (lineNo, line) in TOMLSubset.lines(source) {
            func fail(_ reason: ThemeError.Reason) -> Result<Theme, ThemeError> { .failure(ThemeError(file: file, line: lineNo, reason: reason)) }
            switch line {
            case .badSection(let text), .noEquals(let text):
                return fail(.malformed(text))
            case .section(let name):
                guard name == "roles" else { return fail(.unknownSection(name)) }
                section = name
            case .pair(let key, let value, _):
                guard case .text(let value)? = value else { return fail(.notQuoted(key)) }
                if section.isEmpty {
                    guard key == "name" else { return fail(.unknownKey(key)) }
                    name = value
                    continue
                }
                guard let role = Role(rawValue: key) else { return fail(.unknownRole(key)) }
                switch Style.parse(value) {
                case .success(let s): styles[role] = s
                case .failure(let reason): return fail(reason)
                }
            }
        }
        return .success(Theme(name: name, styles: styles))
    }
}

public struct ThemeError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Reason: Error, Equatable, Sendable {
        case malformed(String)
        case unknownSection(String)
        case unknownKey(String)
        case unknownRole(String)
        case notQuoted(String)
        case badColor(String)
        case badStyle(String, String)
    }

    public var file: String
    public var line: Int
    public var reason: Reason

    public var description: String {
        let what: String = switch reason {
        case .malformed(let l): "cannot read \"\(l)\" (expected key = \"value\" or [roles])"
        case .unknownSection(let s): "unknown section [\(s)] (only [roles] exists)"
        case .unknownKey(let k): "unknown key \"\(k)\" (only name = \"...\" goes above [roles])"
        case .unknownRole(let r): "unknown role \"\(r)\" (roles: \(Role.allCases.map(\.rawValue).joined(separator: ", ")))"
        case .notQuoted(let k): "the value of \"\(k)\" must be in double quotes"
        case .badColor(let c): "bad colour \"\(c)\" (use default, red, bright-red, color0-255 or #rrggbb)"
        case .badStyle(let s, let why): "bad style \"\(s)\": \(why)"
        }
        return "\(file):\(line): \(what)"
    }
}
