/// The monitoring-plugin states (Nagios, Icinga, Sensu): the exit code is the raw value.
public enum CheckSeverity: Int, Comparable, Sendable, CaseIterable {
    case ok = 0, warning = 1, critical = 2, unknown = 3

    public var word: String {
        switch self {
        case .ok: "OK"
        case .warning: "WARNING"
        case .critical: "CRITICAL"
        case .unknown: "UNKNOWN"
        }
    }

    /// UNKNOWN ranks below CRITICAL: a known outage beats not knowing.
    private var rank: Int {
        switch self {
        case .ok: 0
        case .warning: 1
        case .unknown: 2
        case .critical: 3
        }
    }

    public static func < (a: CheckSeverity, b: CheckSeverity) -> Bool { a.rank < b.rank }
}
