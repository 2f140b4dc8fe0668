/// Conformance checks on a finished dataset, in the manner of Pinnacle 21 / CDISC CORE.
public struct DatasetChecks {
    let terminology: ControlledTerminology
    let findings: FindingSink
    /// Variables whose codelist membership the mapping already reported, per dataset.
    let checkedWhileMapping: [String: Set<String>]

    public init(terminology: ControlledTerminology, findings: FindingSink, checkedWhileMapping: [String: Set<String>] = [:]) {
        self.terminology = terminology
        self.findings = findings
        self.checkedWhileMapping = checkedWhileMapping
    }

    /// Runs every check on `dataset`.
    public func run(_ dataset: Dataset) {
        let usubjid = dataset.index(of: "USUBJID")
        let seq = dataset.index(of: "\(dataset.name)SEQ")
        let skipCT = checkedWhileMapping[dataset.name] ?? []
        for (r, row) in dataset.rows.enumerated() {
            let subject = usubjid.map { row[$0] }
            let seqValue = seq.flatMap { Int(row[$0]) }
            for (i, variable) in dataset.variables.enumerated() {
                checkCell(row[i], variable: variable, dataset: dataset.name, subject: subject, seq: seqValue, skipCT: skipCT)
            }
            checkStartEnd(dataset, row: r, subject: subject, seq: seqValue)
        }
        checkUniqueSubjects(dataset)
    }

    private func checkCell(_ value: String, variable: VariableMetadata, dataset: String, subject: String?, seq: Int?,
                           skipCT: Set<String>) {
        if value.isEmpty {
            if variable.core == .req { findings.report(.requiredNull(domain: dataset, usubjid: subject, seq: seq, variable: variable.name)) }
            return
        }
        if variable.name.hasSuffix("DTC"), !ISO8601Value.isValid(value) {
            findings.report(.invalidISO8601(domain: dataset, usubjid: subject, seq: seq, variable: variable.name, value: value))
        }
        if !skipCT.contains(variable.name), let code = variable.codelist, let list = terminology.codelist(code), !list.contains(value) {
            findings.report(.notInCodelist(domain: dataset, usubjid: subject, seq: seq, variable: variable.name, value: value, codelist: list))
        }
    }

    /// Pairs of start and end date variables that must be in order.
    static func dateRanges(in dataset: Dataset) -> [(String, String)] {
        var pairs: [(String, String)] = [("RFSTDTC", "RFENDTC"), ("RFXSTDTC", "RFXENDTC")]
        pairs.append(("\(dataset.name)STDTC", "\(dataset.name)ENDTC"))
        return pairs.filter { dataset.index(of: $0.0) != nil && dataset.index(of: $0.1) != nil }
    }

    private func checkStartEnd(_ dataset: Dataset, row: Int, subject: String?, seq: Int?) {
        for (start, end) in Self.dateRanges(in: dataset) {
            let s = dataset.value(start, row: row), e = dataset.value(end, row: row)
            guard let sd = ISO8601Value.date(of: s), let ed = ISO8601Value.date(of: e), sd.isComplete, ed.isComplete else { continue }
            if sd > ed || (sd == ed && s.count == e.count && s > e) {
                findings.report(.startAfterEnd(domain: dataset.name, usubjid: subject, seq: seq, start: start, end: end,
                                               startValue: s, endValue: e))
            }
        }
    }

    private func checkUniqueSubjects(_ dataset: Dataset) {
        guard dataset.name == "DM", let column = dataset.index(of: "USUBJID") else { return }
        var seen = Set<String>()
        for row in dataset.rows where !row[column].isEmpty && !seen.insert(row[column]).inserted {
            findings.report(.duplicateKey(domain: "DM", usubjid: row[column], variable: "USUBJID", value: row[column]))
        }
    }
}
