/// The unit everything is about: one proxy (a context), or one pod of it. State, events
/// and history carry it, so an answer from pod 2 can never land in pod 1's row.
public struct TargetID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The context's name ("" for a proxy given by URL alone).
    public var context: String
    /// The pod's own URL, nil for the context's service URL.
    public var pod: String?

    public init(context: String, pod: String? = nil) {
        self.context = context
        self.pod = pod
    }

    /// `prod`, `prod/10.0.0.12:4000`, or the pod alone without a context.
    public var description: String {
        guard let pod else { return context.isEmpty ? "proxy" : context }
        let short = PodName.short(pod)
        return context.isEmpty ? short : context + "/" + short
    }

    public static func < (a: TargetID, b: TargetID) -> Bool {
        (a.context, a.pod ?? "") < (b.context, b.pod ?? "")
    }
}

/// How a pod is named on a narrow screen: its host and port, without the scheme.
public enum PodName {
    public static func short(_ url: String) -> String {
        var s = Substring(URLText.display(url))
        if let scheme = s.firstRange(of: "://") { s = s[scheme.upperBound...] }
        while s.hasSuffix("/") { s = s.dropLast() }
        return String(s)
    }
}
