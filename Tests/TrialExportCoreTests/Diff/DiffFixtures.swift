import TrialExportCore

/// Small tables and metadata for the diff tests.
enum DiffFixtures {
    /// AE metadata with the SDTMIG natural keys STUDYID USUBJID AEDECOD AESTDTC.
    static let ae = metadata(
        "AE", keys: ["STUDYID", "USUBJID", "AEDECOD", "AESTDTC"],
        variables: ["STUDYID", "DOMAIN", "USUBJID", "AESEQ", "AEDECOD", "AESTDTC", "AESEV"])

    /// TR-like metadata with a numeric key (VISITNUM) to check numeric ordering.
    static let tr = metadata(
        "TR", keys: ["USUBJID", "VISITNUM"], variables: ["USUBJID", "VISITNUM", "TRORRES"],
        numeric: ["VISITNUM"])

    static func metadata(_ name: String, keys: [String], variables: [String], numeric: Set<String> = []) -> DatasetMetadata {
        let vars = variables.enumerated().map { i, v in
            VariableMetadata(dataset: name, order: i + 1, name: v, label: v, type: numeric.contains(v) ? .num : .char, core: .exp)
        }
        return DatasetMetadata(name: name, label: name, structure: "", keys: keys, variables: vars)
    }

    /// A table from lines of comma-separated values (no quoting); the first line is the header.
    static func table(_ name: String, _ lines: [String]) -> RawTable {
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        let rows = lines.dropFirst().enumerated().map { i, line in
            RawRow(line: i + 2, values: line.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
        }
        return RawTable(form: name, file: "\(name).csv", header: header, rows: rows)
    }

    static let aeHeader = "STUDYID,DOMAIN,USUBJID,AESEQ,AEDECOD,AESTDTC,AESEV"

    /// The AE records used by most cases.
    static let aeOld = table(
        "ae",
        [
            aeHeader,
            "S1,AE,S1-001,1,HEADACHE,2024-01-02,MILD",
            "S1,AE,S1-001,2,NAUSEA,2024-01-03,MILD",
            "S1,AE,S1-002,1,FATIGUE,2024-01-05,SEVERE",
        ])
}
