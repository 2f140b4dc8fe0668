/// Points SUPP-- records at their parent record by the parent's natural key instead of --SEQ.
///
/// SUPPAE names its AE record by IDVAR = AESEQ and IDVARVAL = the sequence number, which changes
/// whenever a new AE record sorts before it. Comparing two transfers by that number would show
/// every later qualifier as changed; comparing by the parent's natural key (AEDECOD and AESTDTC
/// within the subject) shows only real changes.
public enum SupplementalKeys {
    /// `supp` with IDVARVAL replaced by `VAR=value|...` of the parent record's natural key (plus
    /// `#n` when the key repeats within the subject), where IDVAR is the parent's --SEQ.
    public static func rekey(_ supp: RawTable, parent: RawTable, parentKeys: [String]) -> RawTable {
        let seqName = "\(parent.form.uppercased())SEQ"
        guard let idvar = supp.columnIndex["IDVAR"], let idvarval = supp.columnIndex["IDVARVAL"],
              let suppSubject = supp.columnIndex["USUBJID"], let subject = parent.columnIndex["USUBJID"],
              let seq = parent.columnIndex[seqName] else { return supp }
        let keyColumns = parentKeys.filter { !["STUDYID", "USUBJID", seqName].contains($0) }
            .compactMap { name in parent.columnIndex[name].map { (name, $0) } }
        guard !keyColumns.isEmpty else { return supp }
        var keyBySeq: [String: String] = [:]
        var occurrences: [String: Int] = [:]
        for row in 0..<parent.rowCount {
            let key = keyColumns.map { "\($0.0)=\(parent.value(row, $0.1))" }.joined(separator: "|")
            let subjectKey = parent.value(row, subject) + "\u{1F}" + key
            let count = (occurrences[subjectKey] ?? 0) + 1
            occurrences[subjectKey] = count
            keyBySeq[parent.value(row, subject) + "\u{1F}" + parent.value(row, seq)] = count == 1 ? key : "\(key)#\(count)"
        }
        return supp.replacingValues(ofColumn: idvarval) { row in
            let value = supp.value(row, idvarval)
            guard supp.value(row, idvar) == seqName,
                  let key = keyBySeq[supp.value(row, suppSubject) + "\u{1F}" + value] else { return value }
            return key
        }
    }
}
