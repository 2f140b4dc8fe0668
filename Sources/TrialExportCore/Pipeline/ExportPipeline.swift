import Foundation

/// The datasets of one export and the account of every raw record.
public struct ExportResult: Sendable {
    /// Datasets in output order: the subject-level and clinical domains in spec order, then trial design.
    public var datasets: [Dataset]
    public var reconciliation: Reconciliation
    /// Variables whose codelists the specs settle at value level, per dataset (for the checks).
    public var checkedWhileMapping: [String: Set<String>] = [:]

    /// Records in all datasets.
    public var recordCount: Int { datasets.reduce(0) { $0 + $1.rows.count } }
}

/// Maps, derives and checks every domain of a study: the whole job between loading and writing.
public struct ExportPipeline {
    let context: MappingContext
    let specs: [DomainSpec]
    let findings: FindingSink
    /// Hears each dataset as it is finished (name, records, seconds it took).
    let onDataset: (String, Int, Double) -> Void

    public init(context: MappingContext, specs: [DomainSpec], findings: FindingSink,
                onDataset: @escaping (String, Int, Double) -> Void = { _, _, _ in }) {
        self.context = context
        self.specs = specs
        self.findings = findings
        self.onDataset = onDataset
    }

    /// Maps and checks: ``map()`` then ``check(_:)``.
    public func run() throws -> ExportResult {
        let result = try map()
        check(result)
        return result
    }

    /// Maps every domain, derives --SEQ, SUPP-- and trial design, and accounts for every raw record.
    public func map() throws -> ExportResult {
        var reconciliation = Reconciliation()
        for table in context.raw.tables.values {
            var account = reconciliation.account(for: table)
            account.read = table.rows.count + table.rejected.count
            account.rejected = table.rejected
            reconciliation.forms[table.form] = account
        }
        var datasets: [Dataset] = []
        var checkedWhileMapping: [String: Set<String>] = [:]
        var context = self.context
        for spec in specs {
            let started = DispatchTime.now().uptimeNanoseconds
            let mapper = DomainMapper(context: context, spec: spec, findings: findings)
            mapper.checkHardcodedTerms()
            var dataset = try mapper.map(into: &reconciliation)
            dataset.sortByKeys()
            SequenceNumbers.assign(&dataset)
            checkedWhileMapping[dataset.name] = mapper.variablesCheckedWhileMapping
            if dataset.name == "DM" { context.subjects = Self.subjectIndex(dataset) }
            let supp = SupplementalQualifiers.split(&dataset, metadata: context.metadata)
            datasets.append(dataset)
            onDataset(dataset.name, dataset.rows.count + (supp?.rows.count ?? 0),
                      Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
            if let supp {
                datasets.append(supp)
                reconciliation.supplementalOf[supp.name] = dataset.name
            }
        }
        noteDerivationSources(&reconciliation)
        let design = TrialDesignBuilder(study: context.study, ctMap: context.ctMap, metadata: context.metadata,
                                       terminology: context.terminology, termCodes: context.termCodes, findings: findings)
            .build(actualSubjects: randomizedCount(datasets))
        reconciliation.fromStudyDefinition = Set(design.map(\.name))
        datasets += design
        for dataset in datasets { reconciliation.written[dataset.name] = dataset.rows.count }
        return ExportResult(datasets: datasets, reconciliation: reconciliation, checkedWhileMapping: checkedWhileMapping)
    }

    /// Conformance checks of the mapped datasets: per dataset, DM consistency, cross-domain.
    public func check(_ result: ExportResult) {
        let checks = DatasetChecks(terminology: context.terminology, findings: findings,
                                   checkedWhileMapping: result.checkedWhileMapping)
        for dataset in result.datasets {
            checks.run(dataset)
            if dataset.name == "DM" { DemographicsChecks(study: context.study, findings: findings).run(dataset) }
        }
        CrossDomainChecks(study: context.study, findings: findings).run(result.datasets)
    }

    /// DM records by SUBJID, for `DM.VAR` references of the other domains.
    static func subjectIndex(_ dm: Dataset) -> [String: [String: String]] {
        guard let subjid = dm.index(of: "SUBJID") else { return [:] }
        var index: [String: [String: String]] = [:]
        for row in dm.rows {
            index[row[subjid]] = Dictionary(uniqueKeysWithValues: zip(dm.columns, row))
        }
        return index
    }

    /// Subjects with a planned arm in DM (ACTSUB), when DM was mapped.
    private func randomizedCount(_ datasets: [Dataset]) -> Int? {
        guard let dm = datasets.first(where: { $0.name == "DM" }), let armcd = dm.index(of: "ARMCD") else { return nil }
        return dm.rows.filter { !$0[armcd].isEmpty }.count
    }

    /// Records which datasets each aggregate source form feeds (first/last date-times, actual arm).
    private func noteDerivationSources(_ reconciliation: inout Reconciliation) {
        for spec in specs {
            for variable in spec.records.flatMap(\.variables) {
                for source in variable.sources ?? [] {
                    reconciliation.forms[source.form]?.usedFor.insert("\(spec.domain).\(variable.variable)")
                }
            }
        }
    }
}
