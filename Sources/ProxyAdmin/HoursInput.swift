/// The schedule interval an operator types: whole hours from 1 to 8760 (a year). Checked
/// before any request leaves, with the reason in words (LiteLLM would answer 400 or 422).
public enum HoursInput {
    public static let range = 1...8760
    /// LiteLLM's web UI default, offered when a job has no interval yet.
    public static let suggested = 6

    public static func parse(_ raw: String) -> Result<Int, Rejection> {
        let text = raw.trimmingCharacters(in: " \t\r\n")
        if text.isEmpty { return .failure(.empty) }
        if let n = Int(text) {
            if n < range.lowerBound { return .failure(.tooSmall(n)) }
            if n > range.upperBound { return .failure(.tooLarge(n)) }
            return .success(n)
        }
        if Double(text) != nil, text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) {
            return .failure(.notWhole(text))
        }
        if text.allSatisfy({ $0.isNumber || $0 == "-" || $0 == "+" }), text.contains(where: \.isNumber) {
            return .failure(text.hasPrefix("-") ? .tooSmall(-1) : .tooLarge(Int.max))
        }
        return .failure(.notANumber(text))
    }

    public enum Rejection: Error, Equatable, Sendable, CustomStringConvertible {
        case empty, notANumber(String), notWhole(String), tooSmall(Int), tooLarge(Int)

        public var description: String {
            switch self {
            case .empty: "enter a whole number of hours from 1 to 8760"
            case .notANumber(let t): "\"\(t)\" is not a number of hours (1 to 8760)"
            case .notWhole(let t): "\(t): hours must be a whole number (LiteLLM takes whole hours only)"
            case .tooSmall: "the interval must be at least 1 hour"
            case .tooLarge: "the interval can be at most 8760 hours (one year)"
            }
        }
    }
}
