/// The one beta a model keeps in LiteLLM 1.110.2: Bedrock Invoke's
/// `model_specific_anthropic_betas` returns `per-turn-control-2026-07-01` when
/// `bedrock_supports_per_turn_control(model, model_info)` holds — the deployment's
/// `model_info.supports_per_turn_control` when it is a boolean, else the cost map's
/// `supports_per_turn_control` for the model under `bedrock`. In the cost map bundled with
/// 1.110.2 no entry sets that key; the `claude-per-turn-control` rule of its
/// `fallback_generalizations` does (Claude 4.5 or newer), for unmapped ids and for entries
/// whose provider is `bedrock` or `bedrock_converse`.
public enum PerTurnControl {
    public static let beta = "per-turn-control-2026-07-01"

    /// Why a deployment keeps the beta or not.
    public enum Basis: Sendable, Equatable {
        /// The deployment says (`model_info.supports_per_turn_control` in `/model/info`, its
        /// config's setting or, where it has none, the proxy's cost-map answer).
        case deploymentFlag(Bool)
        /// A Bedrock model id: the bundled map's rule decides (matched or not).
        case rule(matched: Bool)
        /// Another kind of name (bare Anthropic names, ARNs, alias rows, none given): LiteLLM
        /// decides from the entry its cost map resolves the name to, which synctop does not
        /// repeat. Nothing is kept in synctop's answer.
        case undecided(String)

        public var keeps: Bool {
            switch self {
            case .deploymentFlag(let b): b
            case .rule(let matched): matched
            case .undecided: false
            }
        }

        public var description: String {
            switch self {
            case .deploymentFlag(let b): "model_info.supports_per_turn_control is \(b)"
            case .rule(true): "a Claude 4.5-or-newer Bedrock id (the cost map's claude-per-turn-control rule)"
            case .rule(false): "not Claude 4.5 or newer (the cost map's claude-per-turn-control rule)"
            case .undecided(let why): why
            }
        }
    }

    /// For a Bedrock Invoke deployment: `model` as LiteLLM hands it on (`invoke/us.anthropic.…`).
    public static func basis(model: String?, deploymentFlag: Bool?) -> Basis {
        if let deploymentFlag { return .deploymentFlag(deploymentFlag) }
        guard let model else { return .undecided("no model given (--model): LiteLLM's cost map decides") }
        guard isBedrockModelID(model) else {
            return .undecided("\(model) is not a Bedrock model id: LiteLLM's cost map decides, synctop does not repeat that lookup")
        }
        return .rule(matched: ruleMatches(model))
    }

    /// `[invoke/][region.]anthropic.<name>` with no further `/`: the ids Bedrock itself
    /// names, whose cost-map answer is the rule's (checked against LiteLLM 1.110.2).
    static func isBedrockModelID(_ model: String) -> Bool {
        var rest = Substring(model)
        if rest.utf8.starts(with: "invoke/".utf8) { rest = rest.dropFirst("invoke/".count) }
        guard !rest.unicodeScalars.contains("/") else { return false }
        let id = "anthropic.claude-"
        if String(rest).startsWithExactly(id) { return true }
        // A region profile first: us., eu., apac., global., ...
        let region = rest.unicodeScalars.prefix { ("a"..."z").contains($0) }
        let after = rest.unicodeScalars.dropFirst(region.count)
        guard !region.isEmpty, after.first == "." else { return false }
        return String(String.UnicodeScalarView(after.dropFirst())).startsWithExactly(id)
    }

    /// `re.search(pattern, model, re.IGNORECASE)` for the rule's pattern
    /// `claude-[a-z]+-(?:4[-._](?:[5-9]|[1-9]\d)(?!\d)|[5-9](?!\d)(?:[-._]\d{1,2}(?!\d))?)`,
    /// matched by hand on code points so that Python's reading holds: under IGNORECASE
    /// `[a-z]` also takes İ ı ſ K (U+0130, U+0131, U+017F, U+212A), and `\d` is any
    /// Unicode decimal digit (Python 3.11 has Unicode 14's; Swift's tables may be newer).
    public static func ruleMatches(_ model: String) -> Bool {
        let s = Array(model.unicodeScalars)
        let prefix = Array("claude-".unicodeScalars)
        func at(_ i: Int) -> Unicode.Scalar? { i < s.count ? s[i] : nil }
        func isDigit(_ i: Int) -> Bool { at(i).map { $0.properties.generalCategory == .decimalNumber } ?? false }
        func isIn(_ i: Int, _ range: ClosedRange<Unicode.Scalar>) -> Bool { at(i).map(range.contains) ?? false }
        func isSeparator(_ i: Int) -> Bool { at(i).map { $0 == "-" || $0 == "." || $0 == "_" } ?? false }
        guard s.count >= prefix.count else { return false }
        for start in 0...(s.count - prefix.count) {
            var i = start
            guard prefix.allSatisfy({ p in defer { i += 1 }; return lowerASCII(s[i]) == p }) else { continue }
            // [a-z]+ then "-": letters cannot be "-", so the run is maximal.
            let letters = i
            while let u = at(i), isFoldedLetter(u) { i += 1 }
            guard i > letters, at(i) == "-" else { continue }
            i += 1
            // 4[-._](?:[5-9]|[1-9]\d)(?!\d)
            if at(i) == "4", isSeparator(i + 1) {
                let m = i + 2
                if isIn(m, "5"..."9"), !isDigit(m + 1) { return true }
                if isIn(m, "1"..."9"), isDigit(m + 1), !isDigit(m + 2) { return true }
            }
            // [5-9](?!\d), the optional minor after it changes nothing for a search.
            if isIn(i, "5"..."9"), !isDigit(i + 1) { return true }
        }
        return false
    }

    /// What `[a-z]` matches under Python's IGNORECASE (measured over every code point).
    static func isFoldedLetter(_ u: Unicode.Scalar) -> Bool {
        switch u.value {
        case 0x41...0x5A, 0x61...0x7A, 0x130, 0x131, 0x17F, 0x212A: true
        default: false
        }
    }

    /// "claude-" under IGNORECASE: its letters fold only with their ASCII capitals.
    private static func lowerASCII(_ u: Unicode.Scalar) -> Unicode.Scalar {
        (0x41...0x5A).contains(u.value) ? Unicode.Scalar(u.value + 0x20)! : u
    }
}
