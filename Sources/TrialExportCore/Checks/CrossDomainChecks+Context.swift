/// Datasets by name and the DM index every cross-domain check shares.
extension CrossDomainChecks {
    /// Where a finding points: the dataset, the subject and the record's --SEQ.
    struct Record {
        let domain: String
        let usubjid: String
        let seq: Int?
    }

    /// The datasets of one run, with DM indexed by USUBJID.
    struct Context {
        let datasets: [Dataset]
        let byName: [String: Dataset]
        let dm: Dataset?
        /// The first DM row of each USUBJID.
        let dmRowBySubject: [String: Int]

        init(_ datasets: [Dataset]) {
            self.datasets = datasets
            self.byName = Dictionary(datasets.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
            self.dm = byName["DM"]
            var rows: [String: Int] = [:]
            if let dm, let usubjid = dm.index(of: "USUBJID") {
                for (r, row) in dm.rows.enumerated() where rows[row[usubjid]] == nil { rows[row[usubjid]] = r }
            }
            self.dmRowBySubject = rows
        }

        /// The DM value of `variable` for `subject`, or nil when DM is absent or has no such subject.
        func dmValue(_ variable: String, subject: String) -> String? {
            guard let dm, let row = dmRowBySubject[subject] else { return nil }
            return dm.value(variable, row: row)
        }
    }

    /// Reads one variable of a dataset by position, resolved once ("" when the dataset lacks it).
    struct Column {
        let index: Int?

        init(_ dataset: Dataset, _ name: String) { index = dataset.index(of: name) }

        var exists: Bool { index != nil }

        func callAsFunction(_ row: DatasetRow) -> String { index.map { row[$0] } ?? "" }
    }

    /// Builds the ``Record`` of a row of one dataset.
    struct RecordLocator {
        let domain: String
        let usubjid: Column
        let seq: Column

        init(_ dataset: Dataset) {
            domain = dataset.name
            usubjid = Column(dataset, "USUBJID")
            seq = Column(dataset, "\(dataset.name)SEQ")
        }

        func callAsFunction(_ row: DatasetRow) -> Record {
            Record(domain: domain, usubjid: usubjid(row), seq: Int(seq(row)))
        }
    }
}
