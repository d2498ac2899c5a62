extension HistoryRecord {
    /// The newest successful reload of `job` on `proxy` that kept the proxy's count.
    public static func lastCountedReload(of job: SyncJob, proxy: String, in records: [HistoryRecord]) -> HistoryRecord? {
        let proxy = withoutUserInfo(proxy)
        return records.filter { $0.proxy == proxy && $0.job == job && $0.action == .reload && $0.outcome == .success && $0.count != nil }
            .max { $0.time < $1.time }
    }
}
