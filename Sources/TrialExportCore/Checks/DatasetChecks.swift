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
        let rules = dataset.variables.map { CellRule($0, terminology: terminology, skipCT: skipCT) }
        let ranges = Self.dateRanges(in: dataset).map {
            (start: $0.0, end: $0.1, s: dataset.index(of: $0.0)!, e: dataset.index(of: $0.1)!)
        }
        // Each distinct value is checked once per variable (datasets repeat their values a lot).
        var valid = [[String: Bool]](repeating: [:], count: rules.count)
        for row in dataset.rows {
            let subject = usubjid.map { row[$0] }
            let seqValue = seq.flatMap { Int(row[$0]) }
            for (i, rule) in rules.enumerated() {
                let value = row[i]
                if value.isEmpty {
                    if rule.variable.core == .req {
                        findings.report(
                            .requiredNull(domain: dataset.name, usubjid: subject, seq: seqValue, variable: rule.variable.name))
                    }
                    continue
                }
                guard rule.isDate || rule.codelist != nil else { continue }
                if valid[i][value] == true { continue }
                let ok = checkCell(value, rule: rule, dataset: dataset.name, subject: subject, seq: seqValue)
                if ok { valid[i][value] = true }
            }
            for range in ranges {
                checkStartEnd(
                    row[range.s], row[range.e], range: (range.start, range.end), dataset: dataset.name,
                    subject: subject, seq: seqValue)
            }
        }
        checkUniqueSubjects(dataset)
    }

    /// What is checked in one variable's cells.
    struct CellRule {
        let variable: VariableMetadata
        let isDate: Bool
        /// The codelist the values must belong to, unless the mapping checked it already.
        let codelist: Codelist?
        /// Values the SDTMIG allows besides the codelist's terms.
        let igValues: Set<String>

        init(_ variable: VariableMetadata, terminology: ControlledTerminology, skipCT: Set<String>) {
            self.variable = variable
            isDate = variable.name.hasSuffix("DTC")
            codelist = skipCT.contains(variable.name) ? nil : variable.codelist.flatMap { terminology.codelist($0) }
            igValues = Set(variable.igValues ?? [])
        }
    }

    /// Checks a non-null value; true when it passed.
    private func checkCell(_ value: String, rule: CellRule, dataset: String, subject: String?, seq: Int?) -> Bool {
        var ok = true
        if rule.isDate, !ISO8601Value.isValid(value) {
            findings.report(
                .invalidISO8601(domain: dataset, usubjid: subject, seq: seq, variable: rule.variable.name, value: value))
            ok = false
        }
        if let list = rule.codelist, !list.contains(value), !rule.igValues.contains(value) {
            findings.report(
                .notInCodelist(
                    domain: dataset, usubjid: subject, seq: seq, variable: rule.variable.name, value: value,
                    codelist: list))
            ok = false
        }
        return ok
    }

    /// Pairs of start and end date variables that must be in order.
    static func dateRanges(in dataset: Dataset) -> [(String, String)] {
        var pairs: [(String, String)] = [("RFSTDTC", "RFENDTC"), ("RFXSTDTC", "RFXENDTC")]
        pairs.append(("\(dataset.name)STDTC", "\(dataset.name)ENDTC"))
        return pairs.filter { dataset.index(of: $0.0) != nil && dataset.index(of: $0.1) != nil }
    }

    private func checkStartEnd(
        _ s: String, _ e: String, range: (start: String, end: String), dataset: String,
        subject: String?, seq: Int?
    ) {
        guard !s.isEmpty, !e.isEmpty, let sd = ISO8601Value.date(of: s), let ed = ISO8601Value.date(of: e),
            sd.isComplete, ed.isComplete
        else { return }
        if sd > ed || (sd == ed && s.count == e.count && s > e) {
            findings.report(
                .startAfterEnd(
                    domain: dataset, usubjid: subject, seq: seq, start: range.start, end: range.end,
                    startValue: s, endValue: e))
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
