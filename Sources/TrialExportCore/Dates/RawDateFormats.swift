/// The date and time formats declared above the fields: the study's default and one per form
/// (from `forms.yaml`: `defaults.dateFormat`, `forms[].dateFormat`, `timeFormat` likewise).
///
/// The nearest declaration wins: the field (`dateFormat`/`timeFormat` of a variable or `sources`
/// entry), then the record block (for fields of its primary form only), then the form, then the
/// study; with none, the automatic shapes
/// (``AutomaticFormats``). Every format is resolved and compiled once per field when a block is
/// compiled, never per record.
public struct RawDateFormats: Hashable, Sendable {
    public var studyDate: String?
    public var studyTime: String?
    /// By form name.
    public var formDates: [String: String]
    public var formTimes: [String: String]

    public init(
        studyDate: String? = nil, studyTime: String? = nil, formDates: [String: String] = [:],
        formTimes: [String: String] = [:]
    ) {
        self.studyDate = studyDate
        self.studyTime = studyTime
        self.formDates = formDates
        self.formTimes = formTimes
    }

    /// Keys of the date and time columns some `assign_datetime` maps, each with the format it is
    /// read with (`ae.AESTDAT`, or `ae.AESTDAT|MM/DD/YYYY` when declared): an aggregate reading the
    /// column with the same format leaves its invalid values to that mapping to report.
    public func mappedDateColumns(of specs: [DomainSpec], forms: FormNames) -> Set<String> {
        var out = Set<String>()
        for block in specs.flatMap(\.records) {
            for v in block.variables where v.algorithm == .assignDatetime {
                guard let date = v.date else { continue }
                let form = FieldRef(date, defaultForm: block.form, forms: forms).form
                let (datePattern, timePattern) = patterns(
                    field: (v.dateFormat, v.timeFormat), block: form == block.form ? block : nil, form: form)
                for (field, pattern) in [(date, datePattern), (v.time, timePattern)] {
                    guard let field else { continue }
                    let ref = FieldRef(field, defaultForm: block.form, forms: forms)
                    out.insert(Self.key(form: ref.form, column: ref.column, pattern: pattern))
                }
            }
        }
        return out
    }

    static func key(form: String, column: String, pattern: String?) -> String {
        "\(form).\(column)" + (pattern.map { "|" + $0 } ?? "")
    }

    /// The patterns that apply to a field of `form` read by a block.
    public func patterns(field: (date: String?, time: String?), block: RecordSpec?, form: String) -> (
        date: String?, time: String?
    ) {
        (
            field.date ?? block?.dateFormat ?? formDates[form] ?? studyDate,
            field.time ?? block?.timeFormat ?? formTimes[form] ?? studyTime
        )
    }

    /// The first pattern that does not compile, as (key, problem): `defaults.dateFormat` or
    /// `forms[<form>].timeFormat`; for whoever loads forms.yaml to report at load time.
    public func firstProblem() -> (key: String, problem: PatternError)? {
        let all: [(String, String?, DateFormat.Kind)] =
            [("defaults.dateFormat", studyDate, .date), ("defaults.timeFormat", studyTime, .time)]
            + formDates.sorted { $0.key < $1.key }.map { ("forms[\($0.key)].dateFormat", $0.value, .date) }
            + formTimes.sorted { $0.key < $1.key }.map { ("forms[\($0.key)].timeFormat", $0.value, .time) }
        for (key, pattern, kind) in all {
            guard let pattern else { continue }
            do { _ = try DateFormat(pattern, kind: kind) } catch { return (key, error) }
        }
        return nil
    }

    /// Sets the declared formats of every date-reading variable and source of a compiled block.
    func resolve(_ plan: BlockPlan) {
        let block = plan.block
        for variable in plan.variables where variable.date != nil || variable.time != nil || !variable.sources.isEmpty {
            let spec = variable.spec
            let form = variable.date?.ref.form ?? variable.time?.ref.form ?? block.form
            variable.formats = DeclaredFormats(
                patterns(field: (spec.dateFormat, spec.timeFormat), block: form == block.form ? block : nil, form: form))
            for source in variable.sources {
                let own = (source.source.dateFormat, source.source.timeFormat)
                let form = source.source.form
                source.formats = DeclaredFormats(patterns(field: own, block: form == block.form ? block : nil, form: form))
            }
        }
        guard let column = plan.dateColumn else { return }
        // The block's own date is read as the variable mapping the same column reads it (that one reports it).
        let mapping = plan.variables.first {
            $0.spec.algorithm == .assignDatetime && $0.date?.source == 0 && $0.date?.column == column
        }
        plan.dateFieldFormat = DateFieldFormat(
            format: mapping?.formats.date ?? DeclaredFormats(patterns(field: (nil, nil), block: block, form: block.form)).date,
            reportedElsewhere: mapping != nil)
    }
}

/// A field's compiled date and time formats; nil reads the automatic shapes.
struct DeclaredFormats {
    var date: DateFormat?
    var time: DateFormat?

    init(date: DateFormat? = nil, time: DateFormat? = nil) {
        self.date = date
        self.time = time
    }

    /// Compiles the patterns; one that does not compile (validated specs never hold one) reads no value,
    /// so each value is reported against it rather than guessed.
    init(_ patterns: (date: String?, time: String?)) {
        date = patterns.date.map { Self.compile($0, kind: .date) }
        time = patterns.time.map { Self.compile($0, kind: .time) }
    }

    private static func compile(_ pattern: String, kind: DateFormat.Kind) -> DateFormat {
        (try? DateFormat(pattern, kind: kind)) ?? DateFormat(elements: [.literal(0)], pattern: pattern)
    }
}

/// How a block's `dateField` is read for the data cut-off.
struct DateFieldFormat {
    var format: DateFormat?
    /// True when an `assign_datetime` of the block maps the same column and reports its problems.
    var reportedElsewhere = false
}
