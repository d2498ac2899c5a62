#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folders synctop keeps per-user files in (XDG base directories), one rule for all:
/// `$XDG_CONFIG_HOME`, `$XDG_CACHE_HOME`, `$XDG_STATE_HOME` when absolute (the spec ignores a
/// relative one), else under the home folder: `$HOME`, else this user's entry in the password
/// database (cron and some service units run without HOME). With neither the folder is
/// unavailable and says why — never a relative path, which would scatter snapshots and
/// history wherever synctop happened to be started.
public enum UserDirectory {
    public enum Base: String, Sendable, CaseIterable {
        case config = "XDG_CONFIG_HOME", cache = "XDG_CACHE_HOME", state = "XDG_STATE_HOME"

        var underHome: String {
            switch self {
            case .config: ".config"
            case .cache: ".cache"
            case .state: ".local/state"
            }
        }
    }

    /// A folder and what it came from ("XDG_CACHE_HOME", "HOME", or the password database).
    public struct Location: Sendable, Equatable {
        public var path: String
        public var origin: String
    }

    public struct Unavailable: Error, Sendable, Equatable, CustomStringConvertible {
        public var variable: String
        public var uid: UInt32
        public var description: String {
            "unavailable: HOME is not set and uid \(uid) has no home folder in the password database; "
                + (variable == "HOME" ? "set HOME" : "set HOME (or \(variable))")
        }
    }

    /// This user's home folder in the password database, if it names one.
    public static func systemPasswordHome() -> String? {
        guard let entry = getpwuid(getuid()), let dir = entry.pointee.pw_dir else { return nil }
        let home = String(cString: dir)
        return home.hasPrefix("/") ? home : nil
    }

    /// The home folder: `$HOME` when absolute, else the password database's.
    public static func home(environment: [String: String],
                            passwordHome: () -> String? = systemPasswordHome) -> Result<Location, Unavailable> {
        if let home = environment["HOME"], home.hasPrefix("/") { return .success(Location(path: trimmed(home), origin: "HOME")) }
        if let home = passwordHome() {
            return .success(Location(path: trimmed(home), origin: "HOME is not set: the password database's home folder"))
        }
        return .failure(Unavailable(variable: "HOME", uid: UInt32(getuid())))
    }

    public static func resolve(_ base: Base, environment: [String: String],
                               passwordHome: () -> String? = systemPasswordHome) -> Result<Location, Unavailable> {
        if let xdg = environment[base.rawValue], xdg.hasPrefix("/") { return .success(Location(path: trimmed(xdg), origin: base.rawValue)) }
        switch home(environment: environment, passwordHome: passwordHome) {
        case .success(var home):
            home.path = (home.path == "/" ? "" : home.path) + "/" + base.underHome
            return .success(home)
        case .failure(var why):
            why.variable = base.rawValue
            return .failure(why)
        }
    }

    private static func trimmed(_ s: String) -> String {
        var s = Substring(s)
        while s.count > 1, s.hasSuffix("/") { s = s.dropLast() }
        return String(s)
    }
}
