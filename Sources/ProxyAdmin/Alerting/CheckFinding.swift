/// One thing `synctop check` found on one target, in the words the status line uses.
public struct CheckFinding: Equatable, Sendable {
    public var severity: CheckSeverity
    public var context: String
    /// The pod's URL, nil for the context (its service URL) itself.
    public var pod: String?
    /// Stable name for `--json` and alert rules: `unreachable`, `cost_map_fallback`, ...
    public var code: String
    public var message: String

    public init(_ severity: CheckSeverity, context: String, pod: String? = nil, code: String, _ message: String) {
        self.severity = severity
        self.context = context
        self.pod = pod
        self.code = code
        self.message = message
    }
}
