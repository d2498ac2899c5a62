#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Prometheus
import ProxyAdmin

/// The samples of each round in a swift-prometheus registry: gauges set, series that
/// went away (a pod gone, a value the proxy stopped giving) removed, read errors counted.
/// Used once by `metrics` and for the life of `serve-metrics`; one caller at a time.
final class PrometheusExport: @unchecked Sendable {
    private let registry = PrometheusCollectorRegistry()
    private var gauges: [String: Gauge] = [:]
    private var counters: [String: Counter] = [:]

    func update(_ inputs: [CheckInput], now: Date) {
        var seen = Set<String>()
        for sample in MetricSamples.of(inputs, now: now) {
            let key = Self.key(sample.name, sample.labels)
            seen.insert(key)
            let gauge = gauges[key] ?? registry.makeGauge(descriptor: Self.descriptor(sample.name), labels: sample.labels)
            gauges[key] = gauge
            gauge.set(sample.value)
        }
        for (key, gauge) in gauges where !seen.contains(key) {
            registry.unregisterGauge(gauge)
            gauges[key] = nil
        }
        for input in inputs {
            count(input.service, context: input.context, pod: "")
            for pod in input.pods ?? [] { count(pod, context: input.context, pod: URLText.display(pod.url)) }
        }
    }

    private func count(_ r: CheckInput.Reading, context: String, pod: String) {
        for e in r.errors {
            let labels = [("context", context), ("pod", pod), ("kind", MetricSamples.errorKind(e))]
            let key = Self.key("synctop_poll_errors_total", labels)
            let counter = counters[key] ?? registry.makeCounter(descriptor: Self.descriptor("synctop_poll_errors_total"), labels: labels)
            counters[key] = counter
            counter.increment()
        }
    }

    func text() -> [UInt8] { registry.emitToBuffer() }

    /// The full name as given: no namespace or unit split, so the name is exactly the one
    /// the README and the alert rules use.
    static func descriptor(_ name: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: name, unitName: "", helpText: MetricSamples.help[name] ?? "")
    }

    static func key(_ name: String, _ labels: [(String, String)]) -> String {
        ([name] + labels.map { "\($0.0)=\($0.1)" }).joined(separator: "\u{0}")
    }
}
