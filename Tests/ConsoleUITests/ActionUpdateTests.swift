import Foundation
import Testing
@testable import ConsoleUI
@testable import ProxyAdmin

/// Every dialog path of `r` / `e` / `x`: confirm, abort, invalid input, in progress, results.
@Suite struct ActionUpdateTests {
    typealias S = Scenarios

    func ready(readOnly: Bool = false) -> AppState {
        var s = S.polled(S.snapshot())
        s.config.readOnly = readOnly
        return s
    }

    @Test func reloadConfirmSendsOnce() {
        var s = ready()
        #expect(update(&s, .key(.char("r"))) == [.preview(.costMap, generation: 1)], "r starts the preview (issue 19)")
        #expect(s.dialog == .confirm(.reload(.costMap)))
        #expect(update(&s, .key(.char("y"))) == [.perform(.reload(.costMap), generation: 1)])
        #expect(s.dialog == nil)
        #expect(s.actionInFlight?.action == .reload(.costMap))
        // A second action while the first runs is refused in words.
        _ = update(&s, .key(.char("x")))
        #expect(s.dialog == nil)
        #expect(s.notice?.hasPrefix("wait: reload of cost map is still running") == true)
    }

    @Test func enterConfirmsToo() {
        var s = ready()
        _ = update(&s, .key(.tab))
        _ = update(&s, .key(.char("x")))
        #expect(s.dialog == .confirm(.cancel(.betaHeaders)))
        #expect(update(&s, .key(.enter)) == [.perform(.cancel(.betaHeaders), generation: 1)])
    }

    @Test(arguments: [Key.char("n"), .escape])
    func abortSendsNothing(key: Key) {
        var s = ready()
        _ = update(&s, .key(.char("r")))
        #expect(update(&s, .key(key)) == [])
        #expect(s.dialog == nil && s.actionInFlight == nil && !s.quitting)
        #expect(s.notice == "aborted: preview stopped, nothing was sent")
        #expect(s.reloadPreview == nil)
    }

    /// Issue 20: q quits from a confirmation (nothing is sent); in the interval field it is
    /// typed, as in every text field.
    @Test func qQuitsFromAConfirmationButIsTypedInTheIntervalField() {
        var s = ready()
        _ = update(&s, .key(.char("r")))
        #expect(update(&s, .key(.char("q"))) == [.quit])
        #expect(s.dialog == nil && s.actionInFlight == nil && s.quitting)
        var t = ready()
        _ = update(&t, .key(.char("e")))
        guard case .editInterval = t.dialog else { Issue.record("no interval dialog: \(String(describing: t.dialog))"); return }
        #expect(update(&t, .key(.char("q"))) == [])
        #expect(!t.quitting)
        guard case .editInterval(_, let input, _, _)? = t.dialog else { Issue.record("the dialog closed"); return }
        #expect(input.text.hasSuffix("q"))
    }

    /// Issue 19: the preview lands in the open dialog; one for a dialog already answered
    /// (or an older one) is dropped.
    @Test func aPreviewLandsOnlyInItsOwnDialog() {
        var s = ready()
        _ = update(&s, .key(.char("r")))
        _ = update(&s, .previewFinished(generation: 7, .failed("old")))
        #expect(s.reloadPreview?.result == nil, "another generation's preview is dropped")
        _ = update(&s, .previewFinished(generation: 1, .failed("cannot fetch")))
        #expect(s.reloadPreview?.result == .failed("cannot fetch"))
        _ = update(&s, .key(.escape))
        #expect(s.notice == "aborted: nothing was sent", "the preview had finished: nothing to stop")
        _ = update(&s, .previewFinished(generation: 1, .failed("late")))
        #expect(s.reloadPreview == nil)
        _ = update(&s, .previewChecked(.costMap, text: "not as previewed: x", warning: true))
        #expect(s.events.last?.text == "Model cost map: not as previewed: x" && s.events.last?.role == .warning)
    }

    @Test func otherKeysInAConfirmDoNothing() {
        var s = ready()
        _ = update(&s, .key(.char("r")))
        #expect(update(&s, .key(.char("z"))) == [])
        #expect(update(&s, .key(.tab)) == [])
        #expect(s.dialog == .confirm(.reload(.costMap)))
    }

    @Test func intervalIsPrefilledWithTheCurrentOne() {
        var s = ready()
        _ = update(&s, .key(.char("e")))
        #expect(s.dialog == .editInterval(.costMap, input: TextInput("6", limit: 12, selected: true), error: nil, confirming: nil))
        var none = S.polled(S.snapshot(cost: S.notScheduled))
        _ = update(&none, .key(.char("e")))
        #expect(none.dialog == .editInterval(.costMap, input: TextInput("6", limit: 12, selected: true), error: nil, confirming: nil),
                "6 when none, the web UI's default")
        var beta = ready()
        _ = update(&beta, .key(.tab))
        _ = update(&beta, .key(.char("e")))
        #expect(beta.dialog == .editInterval(.betaHeaders, input: TextInput("24", limit: 12, selected: true), error: nil, confirming: nil))
    }

    /// Issue 17: `e`, `0`, Enter over the prefilled 6 sent hours=60 at once.
    @Test func theFirstKeyReplacesThePrefilledValue() {
        var s = ready()
        _ = update(&s, .key(.char("e")))
        _ = update(&s, .key(.char("1")))
        _ = update(&s, .key(.char("2")))
        #expect(update(&s, .key(.enter)) == [.perform(.schedule(.costMap, hours: 12), generation: 1)])
    }

    @Test func arrowsEditInside() {
        var s = ready()
        _ = update(&s, .key(.char("e")))
        _ = update(&s, .key(.left))  // deselects, cursor stays at the end
        _ = update(&s, .key(.home))
        _ = update(&s, .key(.char("1")))  // "16"
        _ = update(&s, .key(.end))
        _ = update(&s, .key(.backspace))  // "1"
        _ = update(&s, .key(.char("8")))  // "18"
        #expect(update(&s, .key(.enter)) == [.perform(.schedule(.costMap, hours: 18), generation: 1)])
    }

    @Test func aLargeJumpAsksOnceMore() {
        var s = ready()
        _ = update(&s, .key(.char("e")))
        _ = update(&s, .key(.right))  // keep the 6, append: the old trap
        _ = update(&s, .key(.char("6")))
        #expect(update(&s, .key(.enter)) == [], "66 h is 11× the current 6 h: not sent yet")
        guard case .editInterval(_, _, _, let confirming)? = s.dialog else { Issue.record("dialog closed"); return }
        #expect(confirming == 66)
        #expect(view(s).text.contains("more than 10×"))
        #expect(update(&s, .key(.enter)) == [.perform(.schedule(.costMap, hours: 66), generation: 1)])

        var big = ready()
        _ = update(&big, .key(.char("e")))
        for c in "200" { _ = update(&big, .key(.char(c))) }
        #expect(update(&big, .key(.enter)) == [])
        #expect(view(big).text.contains("above LiteLLM's UI maximum of 168 h"))
        _ = update(&big, .key(.backspace))  // back to editing: nothing sent
        #expect(big.actionInFlight == nil)
    }

    @Test func theFieldSaysWhatEnterWillDo() {
        var s = ready()
        _ = update(&s, .key(.char("e")))
        for c in "60" { _ = update(&s, .key(.char(c))) }
        #expect(view(s).text.contains("every 60 h (2d 12h) — next run ≈"))
    }

    func typing(_ text: String, into s: inout AppState) -> [Effect] {
        _ = update(&s, .key(.ctrl("u")))
        for c in text { _ = update(&s, .key(.char(c))) }
        return update(&s, .key(.enter))
    }

    @Test(arguments: ["0", "-3", "1.5", "abc", "", "99999"])
    func invalidIntervalsAreRefusedInline(text: String) {
        var s = ready()
        _ = update(&s, .key(.char("e")))
        #expect(typing(text, into: &s) == [], "nothing sent for \(text.debugDescription)")
        guard case .editInterval(_, let kept, let error, _)? = s.dialog else { Issue.record("dialog closed"); return }
        #expect(kept.text == text, "what was typed stays")
        #expect(error == HoursInput.parse(text).failure?.description)
        #expect(s.actionInFlight == nil)
    }

    @Test func validIntervalIsSent() {
        var s = ready()
        _ = update(&s, .key(.char("e")))
        #expect(typing("12", into: &s) == [.perform(.schedule(.costMap, hours: 12), generation: 1)])
        #expect(s.dialog == nil)
    }

    @Test func backspaceAndEscape() {
        var s = ready()
        _ = update(&s, .key(.char("e")))
        _ = update(&s, .key(.char("8")))
        #expect(s.dialog == .editInterval(.costMap, input: TextInput("8", limit: 12), error: nil, confirming: nil), "8 replaced the selected 6")
        _ = update(&s, .key(.backspace))
        _ = update(&s, .key(.backspace))
        #expect(s.dialog == .editInterval(.costMap, input: TextInput("", limit: 12), error: nil, confirming: nil))
        #expect(update(&s, .key(.escape)) == [])
        #expect(s.dialog == nil && s.notice == "interval unchanged")
        #expect(s.costMap.value?.intervalHours == 6, "Esc leaves everything as it was")
    }

    @Test func readOnlyRefusesEveryAction() {
        var s = ready(readOnly: true)
        for key in ["r", "e", "x"] {
            #expect(update(&s, .key(.char(Character(key)))) == [])
            #expect(s.dialog == nil)
            #expect(s.notice?.hasPrefix("read-only mode") == true)
        }
    }

    @Test func successShowsTheCountAndPollsAtOnce() {
        var s = ready()
        _ = update(&s, .key(.char("r")))
        _ = update(&s, .key(.char("y")))
        let done = S.now.addingTimeInterval(1)
        let reply = ActionReply(result: .success(ActionOutcome(message: "Price data reloaded successfully! 3410 models updated.", count: 3410, timestamp: done)),
                                httpStatus: 200, durationMs: 412)
        let effects = update(&s, .actionFinished(generation: 1, reply: reply, at: done))
        // Recorded, the map fetched again to diff with the snapshot taken before, status polled.
        #expect(effects == [.record(.of(.reload(.costMap), proxy: "http://localhost:4000", reply: reply, at: done)),
                            .loadCostMap(generation: 1, diffAgainst: .newestSnapshot), .poll(generation: 2)])
        #expect(s.actionInFlight == nil)
        #expect(s.banner?.text == "✓ Model cost map: Price data reloaded successfully! 3410 models updated. (3,410 models, 412 ms)")
        #expect(s.banner?.role == .ok)
        #expect(s.events.last?.text == s.banner?.text)
    }

    @Test func aPollUnderWayIsFollowedByAnother() {
        var s = ready()
        _ = update(&s, .key(.char("r")))
        _ = update(&s, .key(.char("y")))
        _ = update(&s, .tick(S.now.addingTimeInterval(10))) // regular poll starts
        #expect(s.pollInFlight == 2)
        let effects = update(&s, .actionFinished(generation: 1, reply: ActionReply(result: .failure(.noDatabase), httpStatus: 500, durationMs: 5), at: S.now.addingTimeInterval(10)))
        #expect(effects.count == 1, "only the history record; the poll waits")
        guard case .record(let r)? = effects.first else { Issue.record("\(effects)"); return }
        #expect(r.outcome == .failure && r.httpStatus == 500 && r.action == .reload && r.job == .costMap)
        #expect(s.pollQueued)
        let after = update(&s, .pollFinished(generation: 2, snapshot: S.snapshot(), at: S.now.addingTimeInterval(11)))
        #expect(after == [.poll(generation: 3)])
    }

    @Test(arguments: [
        (ProxyError.noDatabase, "this proxy has no database"),
        (.forbidden(role: "proxy_admin_viewer"), "needs a proxy_admin key"),
        (.unauthorized("the API key was not accepted by the proxy (wrong or revoked key)"), "not accepted"),
        (.sourceUnavailable("timed out"), "kept its current data"),
        (.timeout(seconds: 5), "may still have happened"),
    ])
    func errorsAreExplained(error: ProxyError, words: String) {
        var s = ready()
        _ = update(&s, .key(.char("r")))
        _ = update(&s, .key(.char("y")))
        _ = update(&s, .actionFinished(generation: 1, reply: ActionReply(result: .failure(error), httpStatus: nil, durationMs: 5), at: S.now))
        #expect(s.banner?.role == .error)
        #expect(s.banner?.text.contains(words) == true, "\(s.banner?.text ?? "")")
        if case .timeout = error { #expect(s.banner?.text.hasSuffix("status re-checked") == true) }
    }

    /// Issue 20: a proxy without a database refuses every write; the action keys say so
    /// up front (dimmed, the header says why) instead of failing after the confirmation.
    @Test func withoutADatabaseTheActionKeysSayWhyAndAskNothing() {
        var s = S.polled(S.snapshot(health: S.healthNoDB))
        let text = view(s, zone: .utc).text
        #expect(text.contains("WRITES OFF: no database"), "\(text)")
        for key in [Key.char("r"), .char("e"), .char("x")] {
            #expect(update(&s, .key(key)) == [])
            #expect(s.dialog == nil && s.reloadPreview == nil)
            #expect(s.notice?.hasPrefix("this proxy has no database") == true, "\(s.notice ?? "")")
        }
        _ = update(&s, .key(.char(":")))
        for c in "schedule cost-map 6" { _ = update(&s, .key(.char(c))) }
        #expect(update(&s, .key(.enter)) == [], "the command line sends nothing either")
        // The database back: the keys work again.
        _ = update(&s, .pollFinished(generation: s.pollInFlight ?? 0, snapshot: S.snapshot(), at: S.now))
        var t = S.polled(S.snapshot())
        #expect(t.writesOff == nil)
        #expect(update(&t, .key(.char("r"))) == [.preview(.costMap, generation: 1)])
    }

    /// LiteLLM has no read that tells a key's role: the first refusal teaches it, and from
    /// then on this key on this proxy is not asked to confirm what will be refused.
    @Test func aRoleRefusalTurnsTheWritesOffForThisKey() {
        var s = ready()
        _ = update(&s, .key(.char("x")))
        _ = update(&s, .key(.char("y")))
        _ = update(&s, .actionFinished(generation: 1, reply: ActionReply(result: .failure(.forbidden(role: "proxy_admin_viewer")), httpStatus: 403, durationMs: 5), at: S.now))
        #expect(s.writesOff?.short == "proxy_admin_viewer key")
        #expect(update(&s, .key(.char("r"))) == [])
        #expect(s.dialog == nil && s.notice?.contains("needs a proxy_admin key") == true)
        #expect(view(s, zone: .utc).text.contains("WRITES OFF: proxy_admin_viewer key"))
        s.config.maskedKey = "sk-…ffff"  // another key (a context switch): asked again
        #expect(s.writesOff == nil)
    }

    /// Issue 20: right after a manual beta-header reload the job is not "never run" (the
    /// proxy lists scheduled runs only; its next check still runs the schedule).
    @Test func aManualReloadIsNotNeverRun() {
        var s = S.polled(S.snapshot(beta: S.neverRun))
        _ = update(&s, .key(.tab))
        #expect(s.selected == .betaHeaders)
        #expect(view(s, zone: .utc).text.contains("never run"))
        _ = update(&s, .key(.char("r")))
        _ = update(&s, .key(.char("y")))
        let reply = ActionReply(result: .success(ActionOutcome(message: "reloaded", timestamp: S.now)), httpStatus: 200, durationMs: 12)
        _ = update(&s, .actionFinished(generation: s.actionGeneration, reply: reply, at: S.now))
        let text = view(s, zone: .utc).text
        #expect(!text.contains("never run"), "\(text)")
        #expect(text.contains("first run pending") && text.contains("just now by syn"), "\(text)")
    }

    /// Issue 20: x on a job that is not scheduled says so and sends nothing (no dialog).
    @Test func cancellingAnUnscheduledJobSendsNothing() {
        var s = S.polled(S.snapshot(cost: S.notScheduled))
        #expect(update(&s, .key(.char("x"))) == [])
        #expect(s.dialog == nil)
        #expect(s.notice == "Model cost map is not scheduled: nothing to cancel, nothing sent", "\(s.notice ?? "")")
    }

    @Test func aStaleActionAnswerIsDropped() {
        var s = ready()
        _ = update(&s, .key(.char("r")))
        _ = update(&s, .key(.char("y")))
        #expect(update(&s, .actionFinished(generation: 7, reply: ActionReply(result: .failure(.noDatabase), httpStatus: nil, durationMs: 1), at: S.now)) == [])
        #expect(s.actionInFlight != nil)
    }

    @Test func busyPanelAndDialogsRender() {
        var s = ready()
        _ = update(&s, .key(.char("r")))
        #expect(view(s).text.contains("Reload the model cost map on http://localhost:4000 now?"))
        _ = update(&s, .key(.char("y")))
        _ = update(&s, .tick(S.now.addingTimeInterval(3)))
        #expect(view(s).text.contains("⟳ reloading… 3s"))
        var e = ready()
        _ = update(&e, .key(.char("e")))
        for c in "1.5" { _ = update(&e, .key(.char(c))) }
        _ = update(&e, .key(.enter))
        let screen = view(e)
        #expect(screen.text.contains("hours must be a whole number"))
        #expect(screen.cursor != nil, "the cursor sits in the input")
        var ro = ready(readOnly: true)
        ro.size = ScreenSize(width: 80, height: 24)
        #expect(view(ro).text.contains("READ-ONLY"))
        #expect(!view(ro).text.contains("r reload"))
    }
}

@Suite struct HistoryEffectTests {
    typealias S = Scenarios

    @Test func runsTheProxyDidByItselfAreRecordedButOurOwnAreNot() {
        var s = S.polled(S.snapshot())
        // The proxy's own schedule ran: last_run moved without synctop asking.
        var ran = S.scheduled
        ran.lastRun = S.now.addingTimeInterval(5)
        let t1 = S.now.addingTimeInterval(10)
        _ = update(&s, .tick(t1))
        let effects = update(&s, .pollFinished(generation: 2, snapshot: S.snapshot(cost: ran), at: t1))
        #expect(effects == [.record(.observedRun(.costMap, proxy: "http://localhost:4000", lastRun: ran.lastRun!, cause: .otherClient)),
                            .loadCostMap(generation: 1, diffAgainst: .newestSnapshot)], "recorded, and its changes diffed")

        // A reload synctop sent moves last_run too: that one is not "observed".
        _ = update(&s, .key(.char("r")))
        _ = update(&s, .key(.char("y")))
        let mine = S.now.addingTimeInterval(20)
        _ = update(&s, .actionFinished(generation: 1, reply: ActionReply(result: .success(ActionOutcome(message: "ok", count: 1, timestamp: mine)), httpStatus: 200, durationMs: 3), at: mine))
        ran.lastRun = mine
        let after = update(&s, .pollFinished(generation: s.pollInFlight!, snapshot: S.snapshot(cost: ran), at: mine.addingTimeInterval(1)))
        #expect(!after.contains { if case .record = $0 { true } else { false } }, "\(after)")
    }
}

@Suite struct HistoryScreenTests {
    typealias S = Scenarios

    /// Issue 20: the History view scrolls, filters by job and outcome, and dates (with the
    /// zone) a record not from today.
    @Test func historyScrollsAndFilters() {
        var s = S.polled(S.snapshot())
        s.size = ScreenSize(width: 120, height: 24)
        _ = update(&s, .key(.char("4")))
        let records = (0..<60).map { i in
            HistoryRecord(time: S.ago(Double(i) * 3600), proxy: "http://localhost:4000", job: i % 2 == 0 ? .costMap : .betaHeaders,
                          action: .reload, outcome: i % 3 == 0 ? .failure : .success, httpStatus: 200, durationMs: 10 + i, message: "record \(i)")
        }
        _ = update(&s, .historyLoaded(.success(HistoryFile(records: records, skippedLines: 0))))
        var text = view(s, zone: .utc).text
        #expect(text.contains("Records 1–") && text.contains("of 60, newest first"), "\(text)")
        #expect(text.contains("record 0") && !text.contains("record 59"))
        _ = update(&s, .key(.char("G")))
        text = view(s, zone: .utc).text
        #expect(text.contains("record 59") && !text.contains(" 10 ms "), "the oldest at the end, the newest scrolled away: \(text)")
        #expect(text.contains(" UTC"), "a record from another day carries its date and zone: \(text)")
        _ = update(&s, .key(.char("g")))
        _ = update(&s, .key(.char("f")))  // cost map only
        _ = update(&s, .key(.char("o")))  // successes only
        text = view(s, zone: .utc).text
        #expect(text.contains("· job: cost map · outcome: success"), "\(text)")
        let shown = s.history.shown
        #expect(!shown.isEmpty && shown.allSatisfy { $0.job == .costMap && $0.outcome == .success })
        #expect(text.contains("refresh the history"), "the footer says what ^R does here: \(text)")
        #expect(update(&s, .key(.ctrl("r"))) == [.loadHistory])
    }

    /// Issue 20: at 60×15 the help is taller than the screen: it scrolls, and says so.
    @Test func helpScrollsOnASmallScreen() {
        var s = S.polled(S.snapshot())
        s.size = ScreenSize(width: 60, height: 15)
        _ = update(&s, .key(.char("?")))
        var text = view(s, zone: .utc).text
        #expect(text.contains("Keys · lines 1–") && text.contains("scroll · q quits · other keys close"), "\(text)")
        #expect(!text.contains("Dimmed values are stale"))
        _ = update(&s, .key(.char("G")))
        text = view(s, zone: .utc).text
        #expect(s.showHelp && text.contains("Dimmed values are stale"), "the end reached: \(text)")
        _ = update(&s, .key(.char("x")))
        #expect(!s.showHelp && s.dialog == nil, "another key closes the help and does nothing else")
    }

    /// Issue 20: the Events view (6) shows every event whole, newest first, and scrolls.
    @Test func theEventsViewWrapsAndScrolls() {
        var s = S.polled(S.snapshot())
        s.size = ScreenSize(width: 80, height: 24)
        for i in 0..<40 {
            logEvent(&s, S.ago(Double(40 - i)), "event \(i): " + String(repeating: "long words ", count: 12) + "END\(i)", .text)
        }
        _ = update(&s, .key(.char("6")))
        #expect(s.screen == .events)
        var text = view(s, zone: .utc).text
        #expect(text.contains("Events (40, newest first)") && text.contains("event 39:") && text.contains("END39"), "wrapped whole: \(text)")
        _ = update(&s, .key(.char("G")))
        text = view(s, zone: .utc).text
        #expect(text.contains("END0") && !text.contains("event 39:"), "\(text)")
        _ = update(&s, .key(.escape))
        #expect(s.screen == .dashboard && !s.quitting, "Esc goes back one level, never quits")
    }

    @Test func key4OpensTheHistoryAndShowsRates() {
        var s = S.polled(S.snapshot())
        #expect(update(&s, .key(.char("4"))) == [.loadHistory])
        #expect(s.screen == .history)
        #expect(view(s).text.contains("reading…"))
        let ok = HistoryRecord(time: S.ago(60), proxy: "http://localhost:4000", job: .costMap, action: .reload,
                               outcome: .success, httpStatus: 200, durationMs: 412, message: "Price data reloaded successfully!")
        let bad = HistoryRecord(time: S.ago(30), proxy: "http://localhost:4000", job: .costMap, action: .schedule,
                                parameters: .init(hours: 12), outcome: .failure, httpStatus: 500, durationMs: 3,
                                message: "this proxy has no database")
        let seen = HistoryRecord.observedRun(.betaHeaders, proxy: "http://localhost:4000", lastRun: S.ago(10))
        _ = update(&s, .historyLoaded(.success(HistoryFile(records: [ok, bad, seen], skippedLines: 1))))
        let text = view(s).text
        #expect(text.contains("Cost map      1 ok, 1 failed (50%)"), "\(text)")
        #expect(text.contains("1 runs by the proxy"))
        #expect(text.contains("1 unreadable line(s) skipped"))
        #expect(text.contains("schedule 12h"))
        // Newest first.
        let lines = text.split(separator: "\n")
        let iSeen = lines.firstIndex { $0.contains("observed run") }!, iOk = lines.firstIndex { $0.contains("Price data") }!
        #expect(iSeen < iOk)
        // Actions are not available here; 1 goes back.
        #expect(update(&s, .key(.char("r"))) == [])
        #expect(s.dialog == nil)
        _ = update(&s, .key(.char("1")))
        #expect(s.screen == .dashboard)
    }

    @Test func anUnreadableHistoryIsShownNotFatal() {
        var s = S.polled(S.snapshot())
        _ = update(&s, .key(.char("4")))
        _ = update(&s, .historyLoaded(.failure(HistoryLoadError("cannot read history file /x: Is a directory"))))
        #expect(view(s).text.contains("cannot read the history: cannot read history file /x: Is a directory"))
    }
}
