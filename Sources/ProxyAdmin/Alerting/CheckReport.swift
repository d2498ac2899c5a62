#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `synctop check`'s output in the monitoring-plugin convention: one status line with the
/// perfdata after `|`, then one detail line per finding; or the same as JSON.
public struct CheckReport: Sendable {
    public var inputs: [CheckInput]
    public var findings: [CheckFinding]
    public var thresholds: CheckThresholds
    public var now: Date

    public init(inputs: [CheckInput], thresholds: CheckThresholds, now: Date) {
        self.inputs = inputs
        self.thresholds = thresholds
        self.now = now
        findings = inputs.flatMap { HealthCheck.findings($0, thresholds: thresholds, now: now) }
    }

    public var severity: CheckSeverity { findings.map(\.severity).max() ?? .ok }

    /// `SYNCTOP CRITICAL - prod: cost map on bundled prices (…); staging OK | cost_map_models=…`
    public var text: String {
        let perContext = inputs.map { input -> String in
            let mine = findings.filter { $0.context == input.context && $0.severity != .ok }
            guard let worst = mine.first else { return "\(Self.flat(input.context)) OK" }
            let more = mine.count > 1 ? " (+\(mine.count - 1) more)" : ""
            return "\(Self.flat(input.context)): \(Self.flat(worst.message))\(more)"
        }
        var lines = ["SYNCTOP \(severity.word) - \(perContext.joined(separator: "; ")) | \(perfdata.joined(separator: " "))"]
        for f in findings where f.severity != .ok {
            lines.append("\(f.severity.word) \(Self.flat(f.context)): \(Self.flat(f.message))")
        }
        return lines.joined(separator: "\n")
    }

    /// `'label'=value;warn;crit;min;max`. Labels carry the context when there are several.
    public var perfdata: [String] {
        let prefix = inputs.count > 1
        return inputs.flatMap { input -> [String] in
            func label(_ name: String) -> String { prefix ? "\(Self.label(input.context)).\(name)" : name }
            var out: [String] = []
            let s = input.service.snapshot
            out.append("\(label("proxy_up"))=\(s?.health.value?.alive == true ? 1 : 0);;;0;1")
            if let models = s?.source.value?.modelCount { out.append("\(label("cost_map_models"))=\(models);;;0") }
            for job in SyncJob.allCases {
                if let late = HealthCheck.overdueSeconds(s?.status(of: job).value, job: job, now: now) {
                    out.append("\(label("\(job.jsonKey)_overdue_s"))=\(late);\(thresholds.warnOverdueSeconds);\(thresholds.critOverdueSeconds);0")
                }
            }
            out.append("\(label("poll_s"))=\(Self.seconds(input.service.durationSeconds))s;;;0")
            if let pods = input.pods {
                out.append("\(label("pods_answering"))=\(pods.filter { $0.snapshot != nil && $0.errors.isEmpty }.count);;;0;\(pods.count)")
            }
            return out
        }
    }

    public var json: JSONValue {
        .object([
            ("status", .string(severity.word)),
            ("exit_code", .int(severity.rawValue)),
            ("checked_at", .string(ProxyTimestamp.format(now))),
            ("contexts", .array(inputs.map { input in
                let mine = findings.filter { $0.context == input.context }
                return .object([
                    ("context", .string(input.context)),
                    ("url", .string(URLText.display(input.service.url))),
                    ("status", .string((mine.map(\.severity).max() ?? .ok).word)),
                ])
            })),
            ("findings", .array(findings.map { f in
                .object([
                    ("severity", .string(f.severity.word)),
                    ("context", .string(f.context)),
                    ("pod", f.pod.map { .string(URLText.display($0)) } ?? .null),
                    ("code", .string(f.code)),
                    ("message", .string(f.message)),
                ])
            })),
            ("perfdata", .array(perfdata.map { .string($0) })),
        ])
    }

    /// One line, no `|` (it would start the perfdata), nothing unsafe.
    static func flat(_ text: String) -> String {
        SafeText.line(text.replacing("|", with: "/"), limit: 400)
    }

    /// A perfdata label: letters, digits, `_ . -`; anything else becomes `_`.
    static func label(_ text: String) -> String {
        String(text.unicodeScalars.map { s -> Character in
            (s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || s == "_" || s == "." || s == "-")) ? Character(s) : "_"
        })
    }

    static func seconds(_ v: Double) -> String {
        let ms = Int((v * 1000).rounded())
        let frac = ms % 1000
        return "\(ms / 1000)." + String(repeating: "0", count: 3 - String(frac).count) + String(frac)
    }
}
