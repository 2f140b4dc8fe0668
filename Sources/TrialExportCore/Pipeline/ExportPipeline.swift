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
public struct ExportPipeline: Sendable {
    let context: MappingContext
    let specs: [DomainSpec]
    let findings: FindingSink
    /// Hears each dataset as it is finished (name, records, seconds it took).
    let onDataset: @Sendable (String, Int, Double) -> Void

    /// False: everything on the calling thread (the output is the same bytes either way).
    let concurrent: Bool

    public init(
        context: MappingContext, specs: [DomainSpec], findings: FindingSink, concurrent: Bool = true,
        onDataset: @escaping @Sendable (String, Int, Double) -> Void = { _, _, _ in }
    ) {
        self.concurrent = concurrent
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
    ///
    /// `ready` hears each domain's datasets (the domain, then its SUPP--) as soon as they and all
    /// datasets before them in output order are done: DM first, the other domains in spec order,
    /// then the trial design. Calls never overlap and come in that order, whichever thread
    /// finished first, so a writer can stream them while the rest is still being mapped.
    public func map(ready: @escaping @Sendable ([Dataset]) throws -> Void = { _ in }) throws -> ExportResult {
        var reconciliation = Reconciliation()
        reconciliation.unreadFiles = context.raw.unreadFiles
        for table in context.raw.tables.values {
            var account = reconciliation.account(for: table)
            account.read = table.rowCount + table.rejected.count
            account.rejected = table.rejected
            reconciliation.forms[table.form] = account
        }
        let context = self.context
        context.mappedDateColumns = context.rawDateFormats.mappedDateColumns(of: specs, forms: context.raw.formNames)
        // DM first, alone: the other domains read its records (DM.VAR references).
        let others = specs.filter { $0.domain != "DM" }
        let users = FormUsers(others)
        var outputs = try specs.filter { $0.domain == "DM" }.map { try mapDomain($0, context: context) }
        if let dm = outputs.first?.datasets.first { context.setDemographics(dm) }
        let designFindings = FindingCollector()
        let design = TrialDesignBuilder(
            study: context.study, ctMap: context.ctMap, metadata: context.metadata,
            terminology: context.terminology, termCodes: context.termCodes, findings: designFindings
        )
        .build(
            actualSubjects: randomizedCount(outputs.first?.datasets.first),
            studyStart: earliestConsent(outputs.first?.datasets.first)
        )
        .map { dataset in
            var dataset = dataset
            dataset.sources = RecordSources(file: context.studyPath, count: dataset.rows.count)
            return dataset
        }
        for output in outputs { try ready(output.datasets) }
        context.raw.release(users.unusedAfterDM(of: Set(context.raw.tables.keys)))
        context.raw.indexAll()
        let raw = context.raw
        let inOrder = InOrder(ready: ready)
        outputs += try Concurrently.map(Array(others.indices), concurrent: concurrent) { index in
            let output = try mapDomain(others[index], context: context)
            raw.release(users.done(others[index]))
            try inOrder.done(index, output.datasets)
            return output
        }
        if !design.isEmpty { try ready(design) }
        // Merged in spec order, so the output does not depend on which thread finished first.
        var datasets: [Dataset] = []
        var checkedWhileMapping: [String: Set<String>] = [:]
        for output in outputs {
            output.findings.forEach(findings.report)
            reconciliation.merge(output.reconciliation)
            datasets += output.datasets
            checkedWhileMapping[output.datasets[0].name] = output.checkedWhileMapping
            if output.datasets.count > 1 { reconciliation.supplementalOf[output.datasets[1].name] = output.datasets[0].name }
            onDataset(output.datasets[0].name, output.datasets.reduce(0) { $0 + $1.rows.count }, output.seconds)
        }
        designFindings.findings.forEach(findings.report)
        noteDerivationSources(&reconciliation)
        reconciliation.fromStudyDefinition = Set(design.map(\.name))
        datasets += design
        for dataset in datasets { reconciliation.written[dataset.name] = dataset.rows.count }
        return ExportResult(datasets: datasets, reconciliation: reconciliation, checkedWhileMapping: checkedWhileMapping)
    }

    /// Passes on results that finish in any order in their original order, each as soon as all before it are done.
    final class InOrder: @unchecked Sendable {
        // @unchecked Sendable: `pending` and `next` are only touched while holding `lock`, which also keeps calls of `ready` apart.
        private let lock = NSLock()
        private var pending: [Int: [Dataset]] = [:]
        private var next = 0
        private let ready: @Sendable ([Dataset]) throws -> Void

        init(ready: @escaping @Sendable ([Dataset]) throws -> Void) {
            self.ready = ready
        }

        func done(_ index: Int, _ datasets: [Dataset]) throws {
            lock.lock(); defer { lock.unlock() }
            pending[index] = datasets
            while let datasets = pending.removeValue(forKey: next) {
                next += 1
                try ready(datasets)
            }
        }
    }

    /// Conformance checks of the mapped datasets: per dataset (on all cores), DM consistency, cross-domain.
    public func check(_ result: ExportResult) {
        let perDataset =
            (try? Concurrently.map(result.datasets, concurrent: concurrent) { dataset -> [Finding] in
                let collector = FindingCollector()
                DatasetChecks(
                    terminology: context.terminology, findings: collector, checkedWhileMapping: result.checkedWhileMapping
                )
                .run(dataset)
                ValueLengthChecks(findings: collector).run(dataset)
                if dataset.name == "DM" { DemographicsChecks(study: context.study, findings: collector).run(dataset) }
                return collector.findings
            }) ?? []
        // Every check finding passes here on its way out and gains its record's raw file and line(s).
        let located = FindingSources(datasets: result.datasets, next: findings)
        perDataset.joined().forEach(located.report)
        CrossDomainChecks(study: context.study, findings: located).run(result.datasets)
    }

    /// Which domains still read each raw form, so a form is freed once its last reader is done.
    final class FormUsers: @unchecked Sendable {
        // @unchecked Sendable: `remaining` is only touched while holding `lock`.
        private let lock = NSLock()
        private var remaining: [String: Int] = [:]
        private let formsBySpec: [String: Set<String>]

        init(_ specs: [DomainSpec]) {
            var bySpec: [String: Set<String>] = [:]
            for spec in specs {
                let forms = SpecRequirements.forms(of: spec)
                bySpec[spec.domain] = forms
                for form in forms { remaining[form, default: 0] += 1 }
            }
            formsBySpec = bySpec
        }

        /// Forms only DM needed.
        func unusedAfterDM(of all: Set<String>) -> Set<String> {
            lock.lock(); defer { lock.unlock() }
            return all.filter { remaining[$0] == nil }
        }

        /// Marks `spec` as mapped; returns the forms no other domain still needs.
        func done(_ spec: DomainSpec) -> [String] {
            lock.lock(); defer { lock.unlock() }
            var free: [String] = []
            for form in formsBySpec[spec.domain] ?? [] {
                remaining[form, default: 1] -= 1
                if remaining[form] == 0 { free.append(form) }
            }
            return free
        }
    }

    /// One domain's mapping: its dataset (and SUPP--), findings and record accounts.
    struct DomainOutput: Sendable {
        var datasets: [Dataset]
        var findings: [Finding]
        var reconciliation: Reconciliation
        var checkedWhileMapping: Set<String>
        var seconds: Double
    }

    /// Maps, sorts, numbers and splits one domain, collecting its findings apart.
    func mapDomain(_ spec: DomainSpec, context: MappingContext) throws -> DomainOutput {
        let started = DispatchTime.now().uptimeNanoseconds
        let collector = FindingCollector()
        var reconciliation = Reconciliation()
        let mapper = DomainMapper(context: context, spec: spec, findings: collector)
        mapper.checkHardcodedTerms()
        var dataset = try mapper.map(into: &reconciliation)
        dataset.sortByKeys()
        BaselineFlags.assign(&dataset, spec: spec, dm: context.dm)
        SequenceNumbers.assign(&dataset)
        var supp = SupplementalQualifiers.split(&dataset, metadata: context.metadata)
        dataset.compact()
        supp?.compact()
        return DomainOutput(
            datasets: [dataset] + (supp.map { [$0] } ?? []), findings: collector.findings,
            reconciliation: reconciliation, checkedWhileMapping: mapper.variablesCheckedWhileMapping,
            seconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
    }

    /// Subjects with a planned arm in DM (ACTSUB), when DM was mapped.
    private func randomizedCount(_ dm: Dataset?) -> Int? {
        guard let dm, dm.name == "DM", let armcd = dm.index(of: "ARMCD") else { return nil }
        return dm.rows.filter { !$0[armcd].isEmpty }.count
    }

    /// SSTDTC: the earliest informed consent (RFICDTC) of a subject with a planned arm, when DM was mapped.
    private func earliestConsent(_ dm: Dataset?) -> String? {
        guard let dm, dm.name == "DM", let armcd = dm.index(of: "ARMCD"), let consent = dm.index(of: "RFICDTC") else {
            return nil
        }
        // Complete dates only (a partial one cannot say it is the earliest); ISO 8601 dates order as texts.
        return dm.rows.filter { !$0[armcd].isEmpty && $0[consent].utf8.count >= 10 }.map { String($0[consent].prefix(10)) }.min()
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
