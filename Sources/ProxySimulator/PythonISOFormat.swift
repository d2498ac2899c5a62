/// Timestamps as LiteLLM writes them. Everything is kept as integer microseconds since the
/// Unix epoch (UTC), Python's `datetime` resolution, so arithmetic such as
/// `last_run + timedelta(hours=N)` is exact.
enum PythonISOFormat {
    static let microsPerSecond: Int64 = 1_000_000
    static let microsPerDay: Int64 = 86_400 * microsPerSecond

    /// `datetime.isoformat()`: `2026-11-21T05:51:24.340530+00:00` for aware UTC datetimes
    /// (`withOffset`), `2026-11-21T05:51:25.428777` for the naive `utcnow()` ones. The fraction
    /// is left out when the microseconds are 0, as Python does.
    static func isoformat(micros: Int64, withOffset: Bool) -> String {
        let (days, dayMicros) = floorDivide(micros, microsPerDay)
        let (year, month, day) = civilFromDays(days)
        let secondsOfDay = dayMicros / microsPerSecond
        let fraction = dayMicros % microsPerSecond
        var out = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T"
        out += pad(Int(secondsOfDay / 3600), 2) + ":" + pad(Int(secondsOfDay / 60 % 60), 2) + ":"
        out += pad(Int(secondsOfDay % 60), 2)
        if fraction != 0 { out += "." + pad(Int(fraction), 6) }
        if withOffset { out += "+00:00" }
        return out
    }

    /// `datetime.fromisoformat` for the two shapes above (an offset, if any, must be UTC).
    static func parse(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard bytes.count >= 19, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19)
        else { return nil }
        var index = 19
        var fraction = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            guard let value = number(20..<26) else { return nil }
            fraction = value
            index = 26
        }
        let rest = String(decoding: bytes[index...], as: UTF8.self)
        guard rest.isEmpty || rest == "+00:00" || rest == "Z" else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return seconds * microsPerSecond + Int64(fraction)
    }

    /// The HTTP `date` header uvicorn sends: `Sat, 21 Nov 2026 06:14:40 GMT`.
    static func httpDate(micros: Int64) -> String {
        let (days, dayMicros) = floorDivide(micros, microsPerDay)
        let (year, month, day) = civilFromDays(days)
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]  // 1970-01-01 was a Thursday
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let weekday = weekdays[Int(((days % 7) + 7) % 7)]
        let secondsOfDay = dayMicros / microsPerSecond
        return weekday + ", " + pad(day, 2) + " " + months[month - 1] + " " + pad(year, 4) + " "
            + pad(Int(secondsOfDay / 3600), 2) + ":" + pad(Int(secondsOfDay / 60 % 60), 2) + ":"
            + pad(Int(secondsOfDay % 60), 2) + " GMT"
    }

    /// Python's `datetime.max` (9999-12-31T23:59:59.999999): `datetime + timedelta` past it
    /// raises `OverflowError: date value out of range`.
    static let maxMicros = Int64(daysFromCivil(year: 10000, month: 1, day: 1)) * microsPerDay - 1
    /// Python's `datetime.min` (0001-01-01T00:00:00).
    static let minMicros = Int64(daysFromCivil(year: 1, month: 1, day: 1)) * microsPerDay

    private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
        var quotient = value / divisor
        var remainder = value % divisor
        if remainder < 0 {
            quotient -= 1
            remainder += divisor
        }
        return (quotient, remainder)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    // Howard Hinnant's civil-calendar algorithms (proleptic Gregorian, as Python's datetime).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civilFromDays(_ days: Int64) -> (year: Int, month: Int, day: Int) {
        let z = Int(days) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
