/// The reconciliation as a table: one row per form, then one per dataset written.
extension Reconciliation {
    public static let tableColumns = [
        "Kind", "Name", "File", "Read", "Rejected", "Mapped", "Excluded",
        "NotMapped", "Detail",
    ]

    /// A row per raw file no spec reads (not parsed, so nothing is counted).
    var unreadRows: [[String]] {
        unreadFiles.sorted().map { ["file", "", $0, "", "", "", "", "", "not read: no spec reads this form"] }
    }

    /// Rows in a stable order (forms by name, files not read, then datasets by name); counts balance per form:
    /// Read = Rejected + Mapped-as-source + Excluded + NotMapped.
    public func tableRows() -> [[String]] {
        let formRows = forms.values.sorted { $0.form < $1.form }.map { account -> [String] in
            let mapped = account.mapped.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "; ")
            let excluded = account.excluded.values.reduce(0, +)
            var detail: [String] = mapped.isEmpty ? [] : ["records made in " + mapped]
            detail += account.excluded.sorted { $0.key < $1.key }.map { "excluded \($0.value): \($0.key)" }
            detail += account.rejected.map { "rejected line \($0.line): \($0.reason)" }
            let notMapped = account.notMappedAsPrimary
            if notMapped > 0 {
                detail.append(
                    account.usedFor.isEmpty
                        ? "\(notMapped) not mapped: no domain spec maps form \(account.form) yet"
                        : "\(notMapped) not mapped to a record of their own; used for \(account.usedFor.sorted().joined(separator: ", "))"
                )
            }
            return [
                "form", account.form, account.file, String(account.read), String(account.rejected.count),
                String(account.sourced), String(excluded), String(notMapped), detail.joined(separator: " | "),
            ]
        }
        let datasetRows = written.sorted { $0.key < $1.key }.map { name, count -> [String] in
            let sources = forms.values.filter { $0.mapped[name] != nil }.map(\.form).sorted()
            let detail: String
            if let parent = supplementalOf[name] {
                detail = "supplemental qualifiers of \(parent) records"
            } else if fromStudyDefinition.contains(name) {
                detail = "built from the study definition"
            } else {
                detail = "from " + sources.joined(separator: ", ")
            }
            return ["dataset", name, "", "", "", String(count), "", "", detail]
        }
        return formRows + unreadRows + datasetRows
    }
}
