/// A record block's spec compiled against the loaded forms: every field reference resolved to a
/// column position, every variable reference to a slot, every condition to a tree of resolved
/// tests. Built once per block, so that mapping a record never parses a name or hashes a string
/// to find a value.
final class BlockPlan {
    let block: RecordSpec
    let table: RawTable
    /// The position of the subject column in the primary form.
    let subjectColumn: Int?
    /// The forms joined to each primary record (`join` then `lookups`, each form once).
    let joins: [JoinPlan]
    /// The `where` condition, reading raw fields only (derived variables are not known yet).
    let condition: CompiledCondition?
    /// The record's own date column, for the data cut-off.
    let dateColumn: Int?
    /// The `groupBy` column positions.
    let groupColumns: [Int]?
    let variables: [CompiledVariable]
    /// The slot of USUBJID, for findings.
    let usubjidSlot: Int?
    /// How the record's own date (`dateField`) is read for the cut-off, resolved once.
    var dateFieldFormat = DateFieldFormat()

    init(
        block: RecordSpec, table: RawTable, subjectColumn: Int?, joins: [JoinPlan], condition: CompiledCondition?,
        dateColumn: Int?, groupColumns: [Int]?, variables: [CompiledVariable], usubjidSlot: Int?
    ) {
        self.block = block
        self.table = table
        self.subjectColumn = subjectColumn
        self.joins = joins
        self.condition = condition
        self.dateColumn = dateColumn
        self.groupColumns = groupColumns
        self.variables = variables
        self.usubjidSlot = usubjidSlot
    }
}

/// A form joined to the primary record: on the subject alone (`join`) or also on key columns (`lookups`).
final class JoinPlan {
    let form: String
    let table: RawTable?
    /// Row positions by subject in the joined form.
    let subjectRows: [String: [Int]]
    /// Named in `join`: the subject's first record is joined (a lookup match overrides it).
    let joinedOnSubject: Bool
    /// For a lookup: pairs of (primary column, joined column) that must hold equal values.
    let keys: [(primary: Int?, joined: Int?)]?
    /// A filtered lookup's `where`, `pick` and `by` (see ``LookupFilter``); nil for a plain join.
    var filter: LookupFilter?

    init(
        form: String, table: RawTable?, subjectRows: [String: [Int]], joinedOnSubject: Bool,
        keys: [(primary: Int?, joined: Int?)]?
    ) {
        self.form = form
        self.table = table
        self.subjectRows = subjectRows
        self.joinedOnSubject = joinedOnSubject
        self.keys = keys
    }
}

/// Where a raw field is read: source 0 is the primary record, source k the k-th join.
final class RawField {
    let ref: FieldRef
    let source: Int?
    let column: Int?

    init(ref: FieldRef, source: Int?, column: Int?) {
        self.ref = ref
        self.source = source
        self.column = column
    }
}

/// What a variable name in a spec refers to.
enum VarRef {
    /// A variable of the record being built.
    case slot(Int)
    /// A variable of the subject's DM record (`DM.VAR`), by its position there.
    case dm(Int?)
    /// A raw field (`form.COLUMN`).
    case raw(RawField)
    /// A variable no block of the domain sets.
    case empty
}

/// A condition with its operands resolved.
indirect enum CompiledCondition {
    case all([CompiledCondition])
    case any([CompiledCondition])
    /// A test of the operand's trimmed value against the leaf condition's comparisons.
    case test(Operand, Condition)

    enum Operand {
        case raw(RawField)
        case variable(VarRef)
        /// A column of an aggregated source form, read as collected.
        case column(Int?)
        case none
    }
}

/// A template such as `{STUDYID}-{SUBJID}` split into text and references.
enum TemplatePart {
    case text(String)
    case reference(VarRef)
}

/// One variable spec, compiled.
final class CompiledVariable {
    let spec: VariableSpec
    /// The spec's algorithm, looked up once.
    let algorithm: any MappingAlgorithm.Type
    let slot: Int
    let when: CompiledCondition?
    let from: RawField?
    let date: RawField?
    let time: RawField?
    let fromVariable: VarRef?
    /// `variables`, resolved.
    let references: [VarRef]
    let template: [TemplatePart]
    let screenFailure: CompiledCondition?
    let sources: [CompiledSource]
    /// The CDISC codelist named by `codelist`, if any.
    let codelist: Codelist?
    /// The declared formats of `date` and `time` (nil: the automatic shapes), resolved once.
    var formats = DeclaredFormats()
    /// The `transform:` steps, compiled once per block.
    var transform: Transform?
    /// A `multi_select` variable's columns and ticks, resolved.
    var multiSelect: CompiledMultiSelect?

    init(
        spec: VariableSpec, slot: Int, when: CompiledCondition?, from: RawField?, date: RawField?, time: RawField?,
        fromVariable: VarRef?, references: [VarRef], template: [TemplatePart], screenFailure: CompiledCondition?,
        sources: [CompiledSource], codelist: Codelist?
    ) {
        self.spec = spec
        self.algorithm = spec.algorithm.implementation
        self.slot = slot
        self.when = when
        self.from = from
        self.date = date
        self.time = time
        self.fromVariable = fromVariable
        self.references = references
        self.template = template
        self.screenFailure = screenFailure
        self.sources = sources
        self.codelist = codelist
    }
}

/// A source form of a first/last date-time or actual-arm derivation, with its columns resolved.
final class CompiledSource {
    let source: DateTimeSource
    let table: RawTable?
    let subjectRows: [String: [Int]]
    let date: Int?
    let time: Int?
    let fallbackDate: Int?
    let fallbackTime: Int?
    let treatment: Int?
    let condition: CompiledCondition?
    /// The declared formats of the source's dates and times (nil: the automatic shapes), resolved once.
    var formats = DeclaredFormats()

    init(
        source: DateTimeSource, table: RawTable?, subjectRows: [String: [Int]], date: Int?, time: Int?, fallbackDate: Int?,
        fallbackTime: Int?, treatment: Int?, condition: CompiledCondition?
    ) {
        self.source = source
        self.table = table
        self.subjectRows = subjectRows
        self.date = date
        self.time = time
        self.fallbackDate = fallbackDate
        self.fallbackTime = fallbackTime
        self.treatment = treatment
        self.condition = condition
    }
}
