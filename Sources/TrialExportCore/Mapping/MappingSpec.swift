/// A domain's mapping spec, `mappings/<study>/<domain>.yaml`: how raw EDC fields become SDTM.
///
/// A domain is built from one or more record blocks; each block emits one SDTM record per
/// record of its primary form that passes its `where` condition.
public struct DomainSpec: Codable, Hashable, Sendable {
    /// The dataset name, e.g. `DM`.
    public var domain: String
    /// The column naming the subject in every form, e.g. `Subject`.
    public var subjectColumn: String
    public var records: [RecordSpec]
    /// Perm variables to keep even when every value is null.
    public var keepEmpty: [String]?
    /// The variables whose order numbers --SEQ within a subject (default: the SDTMIG natural keys).
    public var seqOrder: [String]?
    /// Units the `standardized_*` algorithms convert to standard units (e.g. `LB` to `kg`).
    public var unitConversions: [UnitConversion]?

    public init(domain: String, subjectColumn: String, records: [RecordSpec], keepEmpty: [String]? = nil) {
        self.domain = domain
        self.subjectColumn = subjectColumn
        self.records = records
        self.keepEmpty = keepEmpty
    }
}

/// One block of a domain spec: a primary form, optional one-per-subject joins, and variables.
public struct RecordSpec: Codable, Hashable, Sendable {
    /// The form whose records drive this block, e.g. `dm`.
    public var form: String
    /// Only records meeting this condition are mapped; the others are counted as excluded.
    public var `where`: Condition?
    /// Why records failing `where` are not mapped (reconciliation text).
    public var excludedReason: String?
    /// Forms with at most one record per subject, joined on the subject column.
    public var join: [String]?
    /// The record's own date field (`form.COLUMN`): records dated after the data cut-off are excluded.
    public var dateField: String?
    /// Forms joined on the subject and further key columns (e.g. a lesion's identification by LESID).
    public var lookups: [Lookup]?
    /// When set, one record per group of primary records with equal values in these columns
    /// (in order of first appearance); `sum` aggregates over the group.
    public var groupBy: [String]?
    /// The format of the date (and time) fields this block reads, unless a field declares its own.
    public var dateFormat: String?
    public var timeFormat: String?
    public var variables: [VariableSpec]

    public init(
        form: String, where condition: Condition? = nil, excludedReason: String? = nil,
        join: [String]? = nil, variables: [VariableSpec]
    ) {
        self.form = form
        self.where = condition
        self.excludedReason = excludedReason
        self.join = join
        self.variables = variables
    }
}

/// How one SDTM variable gets its value: an algorithm and its parameters.
public struct VariableSpec: Codable, Hashable, Sendable {
    public var variable: String
    public var algorithm: Algorithm
    /// A raw field, `form.COLUMN` (or `COLUMN` for the block's primary form).
    public var from: String?
    /// Another variable of the same record, already derived.
    public var fromVariable: String?
    /// Hard-coded value, or a template such as `{STUDYID}-{SUBJID}`.
    public var value: String?
    /// The CT map list and CDISC codelist (short name or code) the value must belong to.
    public var codelist: String?
    /// `form.COLUMN` of the date and, optionally, time fields for date/time algorithms.
    public var date: String?
    public var time: String?
    /// Sources for first/last date-time aggregates over a subject's records.
    public var sources: [DateTimeSource]?
    /// Variables used by derivations (e.g. `[BRTHDTC, RFICDTC]` for age).
    public var variables: [String]?
    /// Only set the variable when this holds; otherwise it is null.
    public var when: Condition?
    /// For `arm_null_reason`: the condition that marks a screen failure.
    public var screenFailure: Condition?
    /// A number of days, e.g. the treatment-emergence window after the last dose.
    public var days: Int?
    /// Makes the variable a supplemental qualifier (SUPP--) instead of a parent variable.
    public var supp: SuppSpec?
    /// The format of the `date` (and `time`) field, e.g. `MM/DD/YYYY`, `HHmm` (see ``DateFormat``).
    public var dateFormat: String?
    public var timeFormat: String?
    /// Value transforms, applied in order (see mappings/README.md, "Transforms").
    public var transform: [TransformStep]?
    /// For `multi_select`: the checkbox columns and what their ticks mean.
    public var multiSelect: MultiSelectSpec?

    public init(
        variable: String, algorithm: Algorithm, from: String? = nil, fromVariable: String? = nil,
        value: String? = nil, codelist: String? = nil, date: String? = nil, time: String? = nil,
        sources: [DateTimeSource]? = nil, variables: [String]? = nil, when: Condition? = nil,
        screenFailure: Condition? = nil, days: Int? = nil, supp: SuppSpec? = nil
    ) {
        self.days = days
        self.supp = supp
        self.variable = variable
        self.algorithm = algorithm
        self.from = from
        self.fromVariable = fromVariable
        self.value = value
        self.codelist = codelist
        self.date = date
        self.time = time
        self.sources = sources
        self.variables = variables
        self.when = when
        self.screenFailure = screenFailure
    }
}

/// A unit the `standardized_*` algorithms convert: standard = original × `factor` + `offset`,
/// rounded to `decimals`.
public struct UnitConversion: Codable, Hashable, Sendable {
    /// The original unit (--ORRESU), matched ignoring case and surrounding spaces.
    public var from: String
    /// The standard unit (--STRESU).
    public var to: String
    public var factor: Double
    public var offset: Double?
    /// Decimals of the standard result (rounded half away from zero).
    public var decimals: Int

    public init(from: String, to: String, factor: Double, offset: Double? = nil, decimals: Int) {
        self.from = from
        self.to = to
        self.factor = factor
        self.offset = offset
        self.decimals = decimals
    }
}

/// A form joined on the subject and key columns that must be equal, e.g. `{form: tl, on: [LESID]}`.
public struct Lookup: Codable, Hashable, Sendable {
    public var form: String
    /// Columns with the same name in both forms.
    public var on: [String]
    /// Only records of the looked-up form meeting this condition (on its columns) are candidates.
    public var `where`: Condition?
    /// Which candidate is used when several remain: `first` or `last` (by the date column `by`, else in file order).
    public var pick: LookupPick?
    /// For `pick`: a date column of the looked-up form.
    public var by: String?

    public init(form: String, on: [String]) {
        self.form = form
        self.on = on
    }
}

/// How a supplemental qualifier is described in SUPP--.
public struct SuppSpec: Codable, Hashable, Sendable {
    /// QLABEL, at most 40 characters.
    public var label: String
    /// QORIG, e.g. `CRF`, `Derived`.
    public var origin: String
    /// QEVAL, when the value is someone's judgement.
    public var evaluator: String?

    public init(label: String, origin: String, evaluator: String? = nil) {
        self.label = label
        self.origin = origin
        self.evaluator = evaluator
    }
}

/// Where a first/last date-time aggregate looks: a form's date and time fields and a filter.
public struct DateTimeSource: Codable, Hashable, Sendable {
    public var form: String
    public var date: String
    public var time: String?
    public var `where`: Condition?
    /// For `actual_arm_code`: the column naming the treatment received (e.g. `EXTRT`).
    public var treatment: String?
    /// Date (and time) used when `date` is blank, invalid or after the data cut-off, e.g. the
    /// start of a dosing period whose end is not known yet.
    public var fallbackDate: String?
    public var fallbackTime: String?
    /// The format of `date` and `fallbackDate` (and of the times), when declared.
    public var dateFormat: String?
    public var timeFormat: String?

    public init(form: String, date: String, time: String? = nil, where condition: Condition? = nil, treatment: String? = nil) {
        self.form = form
        self.date = date
        self.time = time
        self.where = condition
        self.treatment = treatment
    }
}

/// A condition on a raw field (`column`, `form.COLUMN`) or on a derived variable (`variable`).
public struct Condition: Codable, Hashable, Sendable {
    public var column: String?
    public var variable: String?
    /// Case-insensitive, trimmed comparison.
    public var equals: String?
    public var notEquals: String?
    public var `in`: [String]?
    public var notNull: Bool?
    public var isNull: Bool?
    /// Numeric comparison: the value is a number greater than this.
    public var greaterThan: Double?
    public var all: [Condition]?
    public var any: [Condition]?

    public init(
        column: String? = nil, variable: String? = nil, equals: String? = nil, notEquals: String? = nil,
        in options: [String]? = nil, notNull: Bool? = nil, isNull: Bool? = nil, greaterThan: Double? = nil,
        all: [Condition]? = nil, any: [Condition]? = nil
    ) {
        self.column = column
        self.variable = variable
        self.equals = equals
        self.notEquals = notEquals
        self.in = options
        self.notNull = notNull
        self.isNull = isNull
        self.greaterThan = greaterThan
        self.all = all
        self.any = any
    }
}
