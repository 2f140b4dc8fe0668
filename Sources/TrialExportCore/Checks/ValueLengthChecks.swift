/// Checks that names, labels and values fit the submission format (SAS XPORT v5) and an XLSX cell.
///
/// Findings: CHK0030 value over 200 bytes (warning), CHK0031 value over 32,767 characters (error: the
/// workbook cell is left empty), CHK0032/33 variable name over 8 / label over 40 bytes, CHK0034/35 the
/// same for the QNAM / QLABEL values of a SUPP-- dataset (errors), CHK0037 a value that is not ASCII,
/// which SAS XPORT v5 cannot hold (error; the XPT keeps its UTF-8 bytes unchanged).
public struct ValueLengthChecks {
    /// Most bytes (UTF-8) of a character value in SAS XPORT v5, hence in an SDTM dataset.
    public static let valueByteLimit = 200
    /// Most characters an XLSX cell holds, counted as Excel does (UTF-16 code units).
    public static let cellCharacterLimit = 32_767
    /// Most bytes of a variable name (also of a QNAM value) in SAS XPORT v5.
    public static let nameByteLimit = 8
    /// Most bytes of a variable label (also of a QLABEL value) in SAS XPORT v5.
    public static let labelByteLimit = 40
    /// How many characters of a long value a finding quotes.
    public static let quotedCharacters = 40

    let findings: FindingSink

    public init(findings: FindingSink) {
        self.findings = findings
    }

    /// True when an XLSX cell can hold `value` whole; the workbook writer leaves other cells empty.
    public static func fitsWorkbookCell(_ value: String) -> Bool {
        // A UTF-16 code unit never takes fewer than one UTF-8 byte, so the O(1) byte count settles most values.
        value.utf8.count <= cellCharacterLimit || value.utf16.count <= cellCharacterLimit
    }

    /// Runs every length check on `dataset`.
    public func run(_ dataset: Dataset) {
        checkMetadata(dataset)
        checkValues(dataset)
        if Self.isSupplemental(dataset) { checkQualifierNames(dataset) }
    }

    /// Where a finding points: the dataset, subject, --SEQ and, in a SUPP-- dataset, the parent record.
    struct Record {
        let domain: String
        let usubjid: String?
        let seq: Int?
        /// `IDVAR=IDVARVAL` of a SUPP-- record ("" elsewhere or when the qualifier is subject-level).
        let parent: String
    }

    /// Variable names and labels of the dataset's metadata.
    private func checkMetadata(_ dataset: Dataset) {
        for variable in dataset.variables {
            if variable.name.utf8.count > Self.nameByteLimit {
                findings.report(.variableNameTooLong(domain: dataset.name, variable: variable.name))
            }
            if variable.label.utf8.count > Self.labelByteLimit {
                findings.report(.variableLabelTooLong(domain: dataset.name, variable: variable.name, label: variable.label))
            }
        }
    }

    /// Every value against the workbook's cell limit and ASCII, character values against the 200-byte limit.
    private func checkValues(_ dataset: Dataset) {
        let locate = RecordLocator(dataset)
        let character = dataset.variables.map { $0.type == .char }
        let qnam = Self.isSupplemental(dataset) ? dataset.index(of: "QNAM") : nil
        for row in dataset.rows {
            for (i, value) in row.enumerated() where !value.utf8.allSatisfy({ $0 < 0x80 }) {
                findings.report(.valueNotASCII(locate(row), variable: dataset.variables[i].name, value: value))
            }
            for (i, value) in row.enumerated() where value.utf8.count > Self.valueByteLimit {
                let variable = dataset.variables[i].name
                if !Self.fitsWorkbookCell(value) {
                    findings.report(.valueTooLongForCell(locate(row), variable: variable, value: value))
                } else if character[i] {
                    findings.report(
                        .valueTooLongForXPT(
                            locate(row), variable: variable, value: value,
                            qualifier: qnam.map { row[$0] }))
                }
            }
        }
    }

    /// QNAM and QLABEL values of a SUPP-- dataset, once per distinct value (its first record shown).
    private func checkQualifierNames(_ dataset: Dataset) {
        let locate = RecordLocator(dataset)
        for (variable, limit) in [("QNAM", Self.nameByteLimit), ("QLABEL", Self.labelByteLimit)] {
            guard let column = dataset.index(of: variable) else { continue }
            var counts: [String: Int] = [:]
            var first: [(String, Record)] = []
            for row in dataset.rows where row[column].utf8.count > limit {
                let value = row[column]
                if counts[value] == nil { first.append((value, locate(row))) }
                counts[value, default: 0] += 1
            }
            for (value, record) in first {
                findings.report(
                    variable == "QNAM"
                        ? .qualifierNameTooLong(record, value: value, records: counts[value] ?? 1)
                        : .qualifierLabelTooLong(record, value: value, records: counts[value] ?? 1))
            }
        }
    }

    /// True for a SUPP-- dataset (it has QNAM and QVAL rather than --SEQ).
    static func isSupplemental(_ dataset: Dataset) -> Bool {
        dataset.name.hasPrefix("SUPP") && dataset.index(of: "QNAM") != nil
    }

    /// Builds the ``Record`` of a row of one dataset.
    struct RecordLocator {
        let domain: String
        let usubjid: Int?
        let seq: Int?
        let idvar: Int?
        let idvarval: Int?

        init(_ dataset: Dataset) {
            domain = dataset.name
            usubjid = dataset.index(of: "USUBJID")
            seq = dataset.index(of: "\(dataset.name)SEQ")
            idvar = dataset.index(of: "IDVAR")
            idvarval = dataset.index(of: "IDVARVAL")
        }

        func callAsFunction(_ row: DatasetRow) -> Record {
            let subject = usubjid.map { row[$0] }
            var parent = ""
            if let idvar, let idvarval, !row[idvar].isEmpty { parent = "\(row[idvar])=\(row[idvarval])" }
            return Record(
                domain: domain, usubjid: subject?.isEmpty == true ? nil : subject,
                seq: seq.flatMap { Int(row[$0]) }, parent: parent)
        }
    }
}
