/// A study's `forms.yaml`: defaults and per-form layouts of the raw export files.
public struct FormLayouts: Codable, Sendable, Hashable {
    public var defaults: FormLayoutDefaults?
    public var forms: [FormLayout]?

    public init(defaults: FormLayoutDefaults? = nil, forms: [FormLayout]? = nil) {
        self.defaults = defaults
        self.forms = forms
    }

    /// The entry of `form`, if the file has one.
    public func entry(_ form: String) -> FormLayout? {
        forms?.first { $0.name == form }
    }

    /// The layout of `form` with defaults applied (a form with no entry: `<form>.csv`, defaults).
    /// Assumes the file was validated (see the loader): an unknown encoding or delimiter reads as the default.
    public func resolved(_ form: String) -> ResolvedFormLayout {
        let entry = entry(form)
        let delimiter = ResolvedFormLayout.delimiterByte(entry?.delimiter ?? defaults?.delimiter ?? ",") ?? UInt8(ascii: ",")
        return ResolvedFormLayout(
            form: form, file: entry?.file, headerRow: entry?.headerRow ?? defaults?.headerRow ?? 1,
            skipRows: entry?.skipRows ?? defaults?.skipRows ?? 0,
            encoding: TextEncoding(name: entry?.encoding ?? defaults?.encoding ?? "utf-8") ?? .utf8,
            delimiter: delimiter, subjectColumn: entry?.subjectColumn ?? defaults?.subjectColumn,
            key: entry?.key ?? [])
    }

    /// The declared date and time formats: the study's defaults and each form's own.
    public var rawDateFormats: RawDateFormats {
        var formats = RawDateFormats(studyDate: defaults?.dateFormat, studyTime: defaults?.timeFormat)
        for form in forms ?? [] {
            formats.formDates[form.name] = form.dateFormat
            formats.formTimes[form.name] = form.timeFormat
        }
        return formats
    }

    /// The declared date format of `form`'s fields (the form's own, else the default), if any.
    public func dateFormat(forForm form: String) -> String? {
        entry(form)?.dateFormat ?? defaults?.dateFormat
    }

    /// The declared time format of `form`'s fields (the form's own, else the default), if any.
    public func timeFormat(forForm form: String) -> String? {
        entry(form)?.timeFormat ?? defaults?.timeFormat
    }
}

/// One form's layout with every default applied, as the reader uses it.
public struct ResolvedFormLayout: Sendable, Hashable {
    public var form: String
    /// The declared file name or pattern; nil: `<form>.csv` (any case of `.csv`).
    public var file: String?
    /// The 1-based line of the header row; records starting above it are not data.
    public var headerRow: Int
    /// Records right after the header that are not data (e.g. a second header row).
    public var skipRows: Int
    public var encoding: TextEncoding
    public var delimiter: UInt8
    public var subjectColumn: String?
    public var key: [String]

    public init(
        form: String, file: String? = nil, headerRow: Int = 1, skipRows: Int = 0, encoding: TextEncoding = .utf8,
        delimiter: UInt8 = UInt8(ascii: ","), subjectColumn: String? = nil, key: [String] = []
    ) {
        self.form = form
        self.file = file
        self.headerRow = headerRow
        self.skipRows = skipRows
        self.encoding = encoding
        self.delimiter = delimiter
        self.subjectColumn = subjectColumn
        self.key = key
    }

    /// The byte of a delimiter as written: one ASCII character other than a quote or line end,
    /// or `\t` (the two characters) for a tab; nil otherwise.
    public static func delimiterByte(_ text: String) -> UInt8? {
        if text == "\\t" { return 0x09 }
        let bytes = Array(text.utf8)
        guard bytes.count == 1, bytes[0] < 0x80, bytes[0] != 0x22, bytes[0] != 0x0A, bytes[0] != 0x0D else { return nil }
        return bytes[0]
    }

    /// True when the file `name` is this form's file.
    public func matches(fileName name: String) -> Bool {
        guard let file else {
            let lower = name.lowercased()
            return lower.hasSuffix(".csv") && name.dropLast(4) == Substring(form)
        }
        return FilePattern.matches(name, pattern: file)
    }
}
