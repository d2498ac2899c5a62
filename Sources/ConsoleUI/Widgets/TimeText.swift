#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ProxyAdmin

/// Times as an operator reads them. Pure: the local UTC offset is passed in (the runner
/// asks the C library; tests pin it), so screens render the same everywhere.
public enum TimeText {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `05:51:24` when on the same local day as `now`, else `Nov 22 05:51`.
    public static func clock(_ date: Date, now: Date, zone: LocalZone) -> String {
        let t = local(date, zone.offset(date)), n = local(now, zone.offset(now))
        if t.day == n.day { return "\(two(t.hour)):\(two(t.minute)):\(two(t.second))" }
        return "\(months[t.month - 1]) \(t.dayOfMonth) \(two(t.hour)):\(two(t.minute))"
    }

    /// `clock`, and off today the zone too (`Nov 22 05:51 UTC+01`): a record from another
    /// day may be read next to logs in another zone.
    public static func stamp(_ date: Date, now: Date, zone: LocalZone) -> String {
        let text = clock(date, now: now, zone: zone)
        guard local(date, zone.offset(date)).day != local(now, zone.offset(now)).day else { return text }
        let offset = zone.offset(date)
        guard offset != 0 else { return text + " UTC" }
        let m = abs(offset) / 60
        return text + " UTC" + (offset < 0 ? "−" : "+") + two(m / 60) + (m % 60 == 0 ? "" : ":" + two(m % 60))
    }

    /// `in 3h 12m`, `41m ago`, `just now`, `in 45s`: beside a clock time, to the minute.
    /// Seconds would add nothing an operator reads, and a text that changes once a minute
    /// is not redrawn every second (the countdown row is what ticks). A run less than a
    /// minute ago is "just now"; one less than a minute ahead still counts its seconds.
    public static func relative(_ date: Date, now: Date) -> String {
        let delta = date.timeIntervalSince(now)
        if delta < 60 && delta > -60 {
            return delta >= 1 ? "in \(span(delta))" : "just now"
        }
        // Whole minutes, cut as the countdown's h:mm:ss reads: 3:12:05 away is "in 3h 12m".
        let text = span((abs(delta) / 60).rounded(.down) * 60)
        return delta > 0 ? "in \(text)" : "\(text) ago"
    }

    /// `9s ago`, `2m 5s ago`: how old data is, to the second (stale and late markers).
    public static func age(_ date: Date, now: Date) -> String {
        "\(span(max(0, now.timeIntervalSince(date)))) ago"
    }

    /// The largest two units: `2d 3h`, `3h 12m`, `41m 5s`, `9s`.
    public static func span(_ seconds: TimeInterval) -> String {
        let s = Int(seconds.rounded(.down))
        let d = s / 86_400, h = s / 3600 % 24, m = s / 60 % 60, sec = s % 60
        if d > 0 { return h > 0 ? "\(d)d \(h)h" : "\(d)d" }
        if h > 0 { return m > 0 ? "\(h)h \(m)m" : "\(h)h" }
        if m > 0 { return sec > 0 ? "\(m)m \(sec)s" : "\(m)m" }
        return "\(sec)s"
    }

    /// A ticking countdown: `5:18:42`, `0:00:09`, `2d 05:18:42`.
    public static func countdown(_ seconds: TimeInterval) -> String {
        let s = max(0, Int(seconds.rounded(.up)))
        let d = s / 86_400, h = s / 3600 % 24, m = s / 60 % 60, sec = s % 60
        let hms = "\(d > 0 ? two(h) : String(h)):\(two(m)):\(two(sec))"
        return d > 0 ? "\(d)d \(hms)" : hms
    }

    /// The local day `now` falls on: `clock` drops the date for times on this day.
    static func localDay(_ now: Date, zone: LocalZone) -> Int { local(now, zone.offset(now)).day }

    struct Parts { var day: Int, month: Int, dayOfMonth: Int, hour: Int, minute: Int, second: Int }

    static func local(_ date: Date, _ offset: Int) -> Parts {
        let total = Int(date.timeIntervalSince1970.rounded(.down)) + offset
        let day = total >= 0 ? total / 86_400 : -((-total + 86_399) / 86_400)
        let secs = total - day * 86_400
        let (_, m, d) = ProxyTimestamp.civilFromDays(day)
        return Parts(day: day, month: m, dayOfMonth: d, hour: secs / 3600, minute: secs / 60 % 60, second: secs % 60)
    }

    static func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
}

/// The local time zone as an offset function: the runner asks the C library (`localtime_r`,
/// DST-aware per instant), tests use `.utc`.
public struct LocalZone: Sendable {
    public let offset: @Sendable (Date) -> Int
    public init(offset: @escaping @Sendable (Date) -> Int) { self.offset = offset }
    public static let utc = LocalZone { _ in 0 }
}
