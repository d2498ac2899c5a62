/// Whether a message is drawn at once or with the next once-a-second frame.
///
/// The dashboard draws every second anyway (the countdowns tick). The answer to a poll
/// the clock started is something nobody is waiting for, so it waits for that frame (under
/// a second later) instead of costing a frame of its own: one frame fewer per poll (idle
/// CPU, issue 2). The first data, keys, an action's answer, a poll asked for with Ctrl-R
/// or `:poll`, and everything else are drawn at once. Decided on the state before `msg`.
public func drawsAtOnce(_ msg: Msg, in state: AppState) -> Bool {
    switch msg {
    case .tick:
        return false // every wake-up adds one; the second's own frame draws it
    case .pollFinished(let generation, _, _):
        return !pollAnswerCanWait(generation, in: state)
    default:
        return true
    }
}

/// Whether the answer to poll `generation` may wait for the next once-a-second frame: one
/// the clock started, after the first data. The runner asks this when it starts the poll,
/// and then does not wake the loop for its answer either (the next second's wake-up
/// collects it).
public func pollAnswerCanWait(_ generation: Int, in state: AppState) -> Bool {
    state.pollIsScheduled && generation == state.pollInFlight && state.lastPollAt != nil
}
