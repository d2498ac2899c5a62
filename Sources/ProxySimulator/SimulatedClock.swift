#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The simulator's notion of "now": the real wall clock plus an offset that tests (and
/// `POST /_sim/advance`) move forward, so a 6-hour schedule can be made due in milliseconds.
/// Every timestamp the simulator writes and every due check reads this clock.
struct SimulatedClock: Sendable {
    var offsetMicros: Int64 = 0

    static func realNowMicros() -> Int64 {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Int64(spec.tv_sec) * 1_000_000 + Int64(spec.tv_nsec) / 1000
    }

    func nowMicros() -> Int64 { Self.realNowMicros() + offsetMicros }

    mutating func advance(bySeconds seconds: Double) {
        offsetMicros += Int64((seconds * 1_000_000).rounded())
    }
}
