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
            let seq = parent.columnIndex[seqName]
        else { return supp }
        let keyColumns = parentKeys.filter { !["STUDYID", "USUBJID", seqName].contains($0) }
            .compactMap { name in parent.columnIndex[name].map { (name, $0) } }
        guard !keyColumns.isEmpty else { return supp }
        // The parent's records by subject and --SEQ, both as the parent's codes.
        var keyByRecord: [UInt64: String] = [:]
        var occurrences: [SubjectKey: Int] = [:]
        for row in 0..<parent.rowCount {
            let key = keyColumns.map { "\($0.0)=\(parent.value(row, $0.1))" }.joined(separator: "|")
            let subjectKey = SubjectKey(subject: parent.code(row, subject), key: key)
            let count = occurrences[subjectKey, default: 0] + 1
            occurrences[subjectKey] = count
            keyByRecord[Self.record(parent.code(row, subject), parent.code(row, seq))] = count == 1 ? key : "\(key)#\(count)"
        }
        // Each distinct value of the SUPP-- columns looked up once, not once a record.
        let parentSubjects = parent.encoded(subject).codesByValue(), parentSeqs = parent.encoded(seq).codesByValue()
        let subjectInParent = supp.encoded(suppSubject).values.map { $0.isEmpty ? 0 : parentSubjects[ExactText($0)] }
        let seqInParent = supp.encoded(idvarval).values.map { $0.isEmpty ? 0 : parentSeqs[ExactText($0)] }
        let pointsAtSeq = supp.encoded(idvar).values.map { $0 == seqName }
        return supp.replacingValues(ofColumn: idvarval) { row in
            guard pointsAtSeq[Int(supp.code(row, idvar))],
                let subject = subjectInParent[Int(supp.code(row, suppSubject))],
                let seq = seqInParent[Int(supp.code(row, idvarval))],
                let key = keyByRecord[Self.record(subject, seq)]
            else { return supp.value(row, idvarval) }
            return key
        }
    }

    /// A parent record's key text within its subject.
    private struct SubjectKey: Hashable {
        let subject: UInt32
        let key: String
    }

    /// A parent record named by its subject's and its --SEQ's codes.
    private static func record(_ subject: UInt32, _ seq: UInt32) -> UInt64 { UInt64(subject) << 32 | UInt64(seq) }
}
