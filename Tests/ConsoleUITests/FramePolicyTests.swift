import Foundation
import Testing
@testable import ConsoleUI
@testable import ProxyAdmin

/// Which messages draw at once and which wait for the next second's frame.
@Suite struct FramePolicyTests {
    typealias S = Scenarios

    @Test func theFirstDataIsDrawnAtOnce() {
        var s = S.state()
        _ = update(&s, .tick(S.now))
        #expect(s.pollIsScheduled)
        #expect(drawsAtOnce(.pollFinished(generation: 1, snapshot: S.snapshot(), at: S.now), in: s))
        #expect(!pollAnswerCanWait(1, in: s), "the runner wakes the loop for it")
    }

    @Test func aScheduledPollsAnswerWaitsForTheNextFrame() {
        var s = S.polled(S.snapshot())
        let later = S.now.addingTimeInterval(10)
        #expect(update(&s, .tick(later)) == [.poll(generation: 2)])
        #expect(!drawsAtOnce(.pollFinished(generation: 2, snapshot: S.snapshot(), at: later), in: s))
        #expect(pollAnswerCanWait(2, in: s), "its answer does not wake the loop")
        // A stale answer (another generation) changes nothing either way; it is not drawn early.
        #expect(drawsAtOnce(.pollFinished(generation: 7, snapshot: S.snapshot(), at: later), in: s))
    }

    @Test func aPollSomeoneAskedForIsDrawnAtOnce() {
        var s = S.polled(S.snapshot())
        #expect(update(&s, .key(.ctrl("r"))) == [.poll(generation: 2)])
        #expect(!s.pollIsScheduled)
        #expect(drawsAtOnce(.pollFinished(generation: 2, snapshot: S.snapshot(), at: S.now), in: s))
        #expect(!pollAnswerCanWait(2, in: s))
    }

    @Test func keysAndTicksAndTheRest() {
        let s = S.polled(S.snapshot())
        #expect(drawsAtOnce(.key(.char("j")), in: s))
        #expect(drawsAtOnce(.notice("x"), in: s))
        #expect(!drawsAtOnce(.tick(S.now), in: s), "the second's own frame draws ticks")
    }
}
