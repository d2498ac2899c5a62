/// What `synctop check` holds a proxy to. Defaults: overdue warns after 1 h and pages
/// after 6 h, a cost map that loses more than 10% of its models pages, pods may take
/// 2 minutes (four of LiteLLM's 30 s checks) to follow a cost-map reload.
public struct CheckThresholds: Equatable, Sendable {
    /// `--expect cost-map=6h,beta-headers=24h`: each job must be scheduled at that interval.
    public var expected: [SyncJob: Int] = [:]
    public var warnOverdueSeconds = 3600
    public var critOverdueSeconds = 21_600
    /// A fraction: 0.10 is 10%.
    public var maxDrop = 0.10
    public var podsGraceSeconds = 120

    public init() {}

    /// `cost-map=6h,beta-headers=24h` (also `cost_map`, `beta`, hours as `6`, `6h`, `1d`).
    public static func parseExpect(_ text: String) -> Result<[SyncJob: Int], InputError> {
        var out: [SyncJob: Int] = [:]
        for part in text.split(separator: ",", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters(in: " \t") }
            guard pieces.count == 2 else { return .failure(InputError("--expect: \"\(part)\" is not JOB=INTERVAL (e.g. cost-map=6h,beta-headers=24h)")) }
            guard let job = SyncJob.named(pieces[0]) else {
                return .failure(InputError("--expect: unknown job \"\(pieces[0])\": cost-map or beta-headers"))
            }
            guard let seconds = DurationText.seconds(pieces[1]), seconds >= 3600, seconds % 3600 == 0 else {
                return .failure(InputError("--expect: \"\(pieces[1])\" is not a whole number of hours (LiteLLM schedules in hours: 6h, 24h, 1d)"))
            }
            out[job] = seconds / 3600
        }
        guard !out.isEmpty else { return .failure(InputError("--expect: nothing given (e.g. cost-map=6h,beta-headers=24h)")) }
        return .success(out)
    }

    /// `10%`, `10`, `0.1` is not accepted (ambiguous): a percentage from 0 to 100.
    public static func parsePercent(_ text: String) -> Result<Double, InputError> {
        let t = text.trimmingCharacters(in: " \t")
        let digits = t.hasSuffix("%") ? String(t.dropLast()) : t
        guard let v = Double(digits), v >= 0, v <= 100, !digits.contains("e"), !digits.contains("E") else {
            return .failure(InputError("--max-drop: \"\(text)\" is not a percentage from 0 to 100 (e.g. 10%)"))
        }
        return .success(v / 100)
    }
}

/// A message for a bad flag value, said as is.
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// `90`, `90s`, `15m`, `6h`, `1d` → seconds; nil for anything else (negative, fractions,
/// overflow).
public enum DurationText {
    public static func seconds(_ text: String) -> Int? {
        let t = text.trimmingCharacters(in: " \t").lowercased()
        guard let last = t.last else { return nil }
        let unit: Int, digits: Substring
        switch last {
        case "s": unit = 1; digits = t.dropLast()
        case "m": unit = 60; digits = t.dropLast()
        case "h": unit = 3600; digits = t.dropLast()
        case "d": unit = 86_400; digits = t.dropLast()
        default: unit = 1; digits = Substring(t)
        }
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), digits.count <= 12,
              let n = Int(digits) else { return nil }
        let (v, overflow) = n.multipliedReportingOverflow(by: unit)
        return overflow ? nil : v
    }
}

extension SyncJob {
    /// `cost-map`, `cost_map`, `costmap`, `beta-headers`, `beta_headers`, `beta`.
    public static func named(_ text: String) -> SyncJob? {
        switch text.lowercased().replacing("_", with: "-") {
        case "cost-map", "costmap", "cost": .costMap
        case "beta-headers", "betaheaders", "beta": .betaHeaders
        default: nil
        }
    }
}
