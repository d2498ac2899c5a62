import ProxyAdmin

/// The dashboard's own actions: select a job panel, or act on the selected job.
func handleDashboardAction(_ state: inout AppState, _ action: Action) -> [Effect]? {
    switch action {
    case .nextJob, .previousJob:
        let all = SyncJob.allCases
        let i = all.firstIndex(of: state.selected) ?? 0
        let step = action == .nextJob ? 1 : all.count - 1
        state.selected = all[(i + step) % all.count]
        return []
    case .reload, .editInterval, .cancelSchedule:
        return openActionDialog(&state, action)
    default:
        return nil
    }
}

/// A click on a job panel selects it; positions come from the layout the view draws with.
func clickDashboard(_ state: inout AppState, _ event: MouseEvent) {
    let layout = DashboardLayout(body: viewRect(state.size))
    if layout.costMap.contains(x: event.x, y: event.y) { state.selected = .costMap }
    if layout.betaHeaders.contains(x: event.x, y: event.y) { state.selected = .betaHeaders }
}
