import ProxyAdmin

/// Which theme `--theme NAME` means: a user theme in `$XDG_CONFIG_HOME/synctop/themes/`
/// (else `~/.config/synctop/themes/`) overrides a shipped one of the same name; a path
/// ending ".toml" is read as it is. What a theme leaves out comes from the default.
public struct ThemeCatalog: Sendable {
    public var userDirectory: String?
    /// Reads a file: nil when it does not exist; throws a message when it cannot be read.
    public var readFile: @Sendable (String) throws -> String?

    public init(userDirectory: String?, readFile: @escaping @Sendable (String) throws -> String?) {
        self.userDirectory = userDirectory
        self.readFile = readFile
    }

    /// `$XDG_CONFIG_HOME/synctop/themes`, else `~/.config/synctop/themes` (`UserDirectory`).
    public static func userDirectory(environment: [String: String],
                                     passwordHome: () -> String? = UserDirectory.systemPasswordHome) -> String? {
        (try? UserDirectory.resolve(.config, environment: environment, passwordHome: passwordHome).get()).map { $0.path + "/synctop/themes" }
    }

    public static var shippedNames: [String] { Theme.shippedSources.map(\.name) }

    /// What `--theme`, `theme =` in the config file and `:theme` accept: a name (ASCII
    /// letters, digits, `-`, `_`) or a path ending in `.toml`. Anything else (`../../etc/passwd`)
    /// is refused before any file is opened: nil when fine, else what is wrong.
    public static func referenceProblem(_ reference: String) -> String? {
        if reference.hasSuffix(".toml"), reference.count > 5 { return nil }
        let allowed = !reference.isEmpty && reference.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_")
        }
        if allowed { return nil }
        return "\"\(reference)\" is neither a theme name (letters, digits, - and _, e.g. nord) nor a path ending in .toml; "
            + "shipped themes: \(shippedNames.joined(separator: ", "))"
    }

    /// The theme, or why not (unknown name with the known ones listed; a file's error with
    /// its name and line).
    public func load(_ name: String) -> Result<Theme, ThemeLoadError> {
        if let problem = Self.referenceProblem(name) { return .failure(ThemeLoadError(problem)) }
        if name.hasSuffix(".toml") { return parseFile(name, required: true) }
        if let dir = userDirectory {
            switch parseFile(dir + "/" + name + ".toml", required: false) {
            case .success(let t): return .success(t)
            case .failure(let e) where !e.notFound: return .failure(e)
            case .failure: break
            }
        }
        if let shipped = Theme.shippedSources.first(where: { $0.name == name }) {
            return Theme.parse(shipped.source, file: "themes/\(name).toml").mapError { ThemeLoadError($0.description) }
        }
        let mine = userDirectory.map { " (or \($0)/\(name).toml)" } ?? ""
        return .failure(ThemeLoadError("no theme \"\(name)\"; shipped: \(Self.shippedNames.joined(separator: ", "))\(mine)"))
    }

    private func parseFile(_ path: String, required: Bool) -> Result<Theme, ThemeLoadError> {
        let text: String?
        do { text = try readFile(path) } catch { return .failure(ThemeLoadError("cannot read \(path): \(error)")) }
        guard let text else {
            return .failure(ThemeLoadError("theme file \(path) does not exist", notFound: !required))
        }
        return Theme.parse(text, file: path).mapError { ThemeLoadError($0.description) }
    }
}

public struct ThemeLoadError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    /// Only a user theme that is simply absent (then the shipped one is used).
    var notFound = false
    public init(_ message: String, notFound: Bool = false) {
        self.message = message
        self.notFound = notFound
    }
    public var description: String { message }
}
