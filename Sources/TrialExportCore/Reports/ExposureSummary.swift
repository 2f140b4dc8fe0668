/// Study drug exposure of the analysed subjects of one arm, from EX and SUPPEX.
public struct ExposureSummary: Sendable, Equatable {
    /// Cycles started per treated subject: distinct `CYCLE n` values of EX.VISIT.
    public var cyclesStarted: [Int]
    /// Days from the first EXSTDTC to the last EXENDTC (or EXSTDTC) + 1, per subject with complete dates.
    public var durationDays: [Int]
    /// One line per drug (EXTRT), in the study's treatment order.
    public var drugs: [DrugExposure]

    /// Dose adjustments of one drug: subjects and records, by the kind SUPPEX.EXADJTYP gives.
    public struct DrugExposure: Sendable, Equatable {
        public var drug: String
        /// Subjects with at least one EX record of the drug.
        public var subjects: Int
        public var reductions: Adjustment
        public var interruptions: Adjustment
        /// Delays and adjustments whose EXADJTYP is neither a reduction nor an interruption.
        public var otherAdjustments: Adjustment
    }

    /// Subjects with at least one adjusted record, and the number of adjusted records.
    public struct Adjustment: Sendable, Equatable {
        public var subjects: Int
        public var records: Int

        public init(subjects: Int, records: Int) {
            self.subjects = subjects
            self.records = records
        }
    }

    private struct Record {
        var subject, drug, visit, start, end, adjustment: String
    }

    static func summarise(
        _ subjects: [ReportSubject], data: ReportDatasets, drugOrder: [String],
        definitions: ReportDefinitions = ReportDefinitions()
    ) -> ExposureSummary {
        let wanted = Set(subjects.map(\.usubjid))
        let types = data.qualifier(definitions.doseAdjustment, of: "EX")
        let prefix = definitions.cyclePrefix.uppercased()
        let records = data.select("EX", ["USUBJID", "EXTRT", "VISIT", "EXSTDTC", "EXENDTC", "EXADJ", "EXSEQ"])
            .filter { wanted.contains($0[0]) }
            .map { v -> Record in
                let type = types[v[0]]?[v[6]] ?? ""
                let adjusted = !v[5].trimmingSpaces.isEmpty || !type.isEmpty
                return Record(
                    subject: v[0], drug: v[1], visit: v[2], start: v[3], end: v[4],
                    adjustment: adjusted ? (type.isEmpty ? "other" : type) : "")
            }
        let bySubject = Dictionary(grouping: records, by: \.subject)
        let ids = subjects.map(\.usubjid).filter { bySubject[$0] != nil }
        return ExposureSummary(
            cyclesStarted: ids.map { Set(bySubject[$0]!.compactMap { cycleNumber($0.visit, prefix: prefix) }).count },
            durationDays: ids.compactMap { duration(bySubject[$0]!) },
            drugs: drugLines(records, drugOrder: drugOrder))
    }

    /// n of `CYCLE n` (any suffix such as ` DAY 1`; `prefix` is the first word), nil for other visits.
    static func cycleNumber(_ visit: String, prefix: String = "CYCLE") -> Int? {
        let words = visit.uppercased().split(separator: " ")
        guard words.count >= 2, words[0] == prefix else { return nil }
        return Int(words[1])
    }

    private static func duration(_ records: [Record]) -> Int? {
        let starts = records.map { ISO8601Value.date(of: $0.start)?.dayNumber }
        let ends = records.map { ISO8601Value.date(of: $0.end.isEmpty ? $0.start : $0.end)?.dayNumber }
        guard !starts.contains(nil), !ends.contains(nil), let first = starts.compactMap({ $0 }).min(),
            let last = ends.compactMap({ $0 }).max()
        else { return nil }
        return last - first + 1
    }

    private static func drugLines(_ records: [Record], drugOrder: [String]) -> [DrugExposure] {
        let byDrug = Dictionary(grouping: records, by: \.drug)
        let drugs = byDrug.keys.sorted { a, b in
            let ia = drugOrder.firstIndex(of: a) ?? .max, ib = drugOrder.firstIndex(of: b) ?? .max
            return ia != ib ? ia < ib : a < b
        }
        return drugs.map { drug in
            let rows = byDrug[drug]!
            func adjustment(_ matches: (String) -> Bool) -> Adjustment {
                let hits = rows.filter { !$0.adjustment.isEmpty && matches($0.adjustment.lowercased()) }
                return Adjustment(subjects: Set(hits.map(\.subject)).count, records: hits.count)
            }
            return DrugExposure(
                drug: drug, subjects: Set(rows.map(\.subject)).count,
                reductions: adjustment { $0.contains("reduc") },
                interruptions: adjustment { $0.contains("interrupt") },
                otherAdjustments: adjustment { !$0.contains("reduc") && !$0.contains("interrupt") })
        }
    }
}
