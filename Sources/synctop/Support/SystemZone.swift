#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif
import ConsoleUI

extension LocalZone {
    /// The machine's zone via `localtime_r`, DST-aware for each instant (honours `TZ`).
    static let system = LocalZone { date in
        var t = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        guard localtime_r(&t, &parts) != nil else { return 0 }
        return parts.tm_gmtoff
    }
}
