import CNcurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process locale, which decides whether curses can read and draw UTF-8.
public enum TerminalLocale {
    /// Takes the locale from the environment (`setlocale(LC_ALL, "")`, needed before
    /// curses starts). When its codeset is not UTF-8 (LANG unset, or `C`), switches
    /// LC_CTYPE to C.UTF-8. Returns whether UTF-8 is active afterwards; when it is not,
    /// the screen falls back to ASCII.
    @discardableResult
    public static func prepare() -> Bool {
        _ = setlocale(LC_ALL, "")
        if isUTF8() { return true }
        _ = setlocale(LC_CTYPE, "C.UTF-8")
        return isUTF8()
    }

    /// Whether the current LC_CTYPE codeset is UTF-8.
    public static func isUTF8() -> Bool {
        guard let raw = cn_codeset() else { return false }
        return isUTF8(codeset: String(cString: raw))
    }

    static func isUTF8(codeset: String) -> Bool {
        let normalized = codeset.uppercased().filter { $0 != "-" && $0 != "_" }
        return normalized == "UTF8"
    }
}
