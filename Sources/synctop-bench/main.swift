// Issue 5's speed targets, measured in-process on the release build (Tests/Benchmarks/run
// calls this): decode the 3 MB map and build the view, one filter keystroke with
// rendering, the diff of the two real maps. Prints numbers; checks nothing.
import ConsoleUI
import ProxyAdmin
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

func nowNs() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}

func ms(_ ns: UInt64) -> String {
    let v = Double(ns) / 1e6
    return String(Int(v)) + "." + String(Int((v - Double(Int(v))) * 100)).leftPad(2) + " ms"
}

extension String {
    func leftPad(_ n: Int) -> String { String(repeating: "0", count: max(0, n - count)) + self }
}

func percentile(_ values: [UInt64], _ p: Double) -> UInt64 {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded(.up)))]
}

let args = CommandLine.arguments
guard args.count == 3, let old = try? LocalFile.readBytes(args[1], limit: 64 << 20), let new = try? LocalFile.readBytes(args[2], limit: 64 << 20) else {
    print("usage: synctop-bench OLD_MAP.json NEW_MAP.json")
    exit(64)
}

let config = DashboardConfig(proxyURL: "http://127.0.0.1:4000", maskedKey: "sk-…demo", pollIntervalSeconds: 10)
let size = ScreenSize(width: 120, height: 40)
let t0 = Date()

/// A dashboard on the Models view with `bytes` decoded and drawn once.
func loadedState(_ bytes: [UInt8]) -> AppState {
    var state = AppState(config: config, now: t0, size: size)
    _ = update(&state, .key(.char("3")))
    let map = try! CostMap.parse(bytes)
    let fetch = CostMapFetch(map: map, byteCount: bytes.count, url: "bench")
    _ = update(&state, .costMapLoaded(generation: state.models.loadInFlight!, .success(fetch), at: t0))
    _ = view(state)
    return state
}

func rssKB(_ field: String) -> Int {
    let text = (try? LocalFile.readText("/proc/self/status")) ?? nil
    let line = text?.split(separator: "\n").first { $0.hasPrefix(field) } ?? ""
    return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
}
let rssBefore = rssKB("VmRSS:")
do {
    let kept = loadedState(new)
    print("resident memory: \(rssBefore) kB before, \(rssKB("VmRSS:")) kB with the \(kept.models.map!.entries.count)-model map in a view state (peak \(rssKB("VmHWM:")) kB)")
}

// 1. Decode + build the view.
var decode: [UInt64] = []
for _ in 0..<12 {
    let a = nowNs()
    let s = loadedState(new)
    decode.append(nowNs() - a)
    precondition(s.models.rows.count > 4000)
}
print("decode 3 MB map + sort + first view:  median \(ms(percentile(decode, 0.5))), max \(ms(decode.max()!))  (target <= 150 ms)")

// 2. One filter keystroke, rendering included.
var state = loadedState(new)
_ = update(&state, .key(.char("/")))
var keystrokes: [UInt64] = []
let typed = Array("claude-opus-4")
for _ in 0..<40 {
    for c in typed {
        let a = nowNs()
        _ = update(&state, .key(.char(c)))
        _ = view(state)
        keystrokes.append(nowNs() - a)
    }
    for _ in typed {
        let a = nowNs()
        _ = update(&state, .key(.backspace))
        _ = view(state)
        keystrokes.append(nowNs() - a)
    }
}
print("filter keystroke + view (\(keystrokes.count) keys over \(state.models.map!.entries.count) models):  p50 \(ms(percentile(keystrokes, 0.5))), p99 \(ms(percentile(keystrokes, 0.99))), max \(ms(keystrokes.max()!))  (target p99 <= 5 ms)")

// 3. Diff of the two real maps (decoded beforehand, as the dashboard has them).
let oldMap = try! CostMap.parse(old), newMap = try! CostMap.parse(new)
var diffs: [UInt64] = []
var summary = ""
for _ in 0..<12 {
    let a = nowNs()
    let d = CostMapDiff(old: oldMap, new: newMap)
    diffs.append(nowNs() - a)
    summary = d.summary
}
print("diff of the two real maps (\(summary)):  median \(ms(percentile(diffs, 0.5))), max \(ms(diffs.max()!))  (target <= 50 ms)")

// 4. One dashboard frame with live data (what the idle dashboard does every second): with
// warm caches, and with the caches flushed first, as after a second of sleep.
var dash = AppState(config: config, now: t0, size: size)
_ = update(&dash, .tick(t0))
let hour = 3600.0
let live = ProxySnapshot(
    costMap: .success(JobStatus(scheduled: true, intervalHours: 6, lastRun: t0.addingTimeInterval(-700),
                                nextRun: t0.addingTimeInterval(6 * hour - 700), sourceRevision: "d68eb3c9a1")),
    betaHeaders: .success(JobStatus(scheduled: true, intervalHours: 24, lastRun: t0.addingTimeInterval(-3 * hour),
                                    nextRun: t0.addingTimeInterval(21 * hour))),
    source: .success(CostMapSource(source: "remote", url: "https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json",
                                   isEnvForced: false, modelCount: 3411, loadedAt: t0.addingTimeInterval(-700), sourceRevision: "d68eb3c9a1")),
    health: .success(Health(alive: true, readiness: "healthy", database: "connected", version: "1.100.5")))
_ = update(&dash, .pollFinished(generation: dash.pollInFlight ?? 0, snapshot: live, at: t0))
var evict = [UInt8](repeating: 1, count: 32 << 20)
var frames: [UInt64] = [], coldFrames: [UInt64] = []
for i in 0..<2000 {
    _ = update(&dash, .tick(t0.addingTimeInterval(Double(i))))
    let a = nowNs()
    _ = view(dash)
    frames.append(nowNs() - a)
}
for i in 0..<200 {
    for j in stride(from: 0, to: evict.count, by: 64) { evict[j] &+= 1 } // push the frame's code and data out of the caches
    _ = update(&dash, .tick(t0.addingTimeInterval(Double(2000 + i))))
    let a = nowNs()
    _ = view(dash)
    coldFrames.append(nowNs() - a)
}
print("dashboard frame with live data (view only, 120x40):  median \(ms(percentile(frames, 0.5))), p99 \(ms(percentile(frames, 0.99)));"
      + " caches flushed first: median \(ms(percentile(coldFrames, 0.5))), p99 \(ms(percentile(coldFrames, 0.99)))")
