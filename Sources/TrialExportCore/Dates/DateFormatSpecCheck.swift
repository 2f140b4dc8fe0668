/// Load-time check of the `dateFormat`/`timeFormat` keys of a domain spec: every pattern must compile.
public enum DateFormatSpecCheck {
    /// The first pattern that does not compile: its key path (`records[0].variables[3].dateFormat`)
    /// and what is wrong, in words.
    public static func firstProblem(in spec: DomainSpec) -> (key: String, detail: String)? {
        var found: [(String, String?, DateFormat.Kind)] = []
        for (b, block) in spec.records.enumerated() {
            found += [
                ("records[\(b)].dateFormat", block.dateFormat, .date), ("records[\(b)].timeFormat", block.timeFormat, .time),
            ]
            for (v, variable) in block.variables.enumerated() {
                let entry = "records[\(b)].variables[\(v)]"
                found += [
                    ("\(entry).dateFormat", variable.dateFormat, .date), ("\(entry).timeFormat", variable.timeFormat, .time),
                ]
                for (s, source) in (variable.sources ?? []).enumerated() {
                    found += [
                        ("\(entry).sources[\(s)].dateFormat", source.dateFormat, .date),
                        ("\(entry).sources[\(s)].timeFormat", source.timeFormat, .time),
                    ]
                }
            }
        }
        for (key, pattern, kind) in found {
            if let pattern, let detail = problem(pattern, kind: kind) { return (key, detail) }
        }
        return nil
    }

    /// Why `pattern` cannot be a `kind` format, in words (`invalid date format "MM/DD/YY": ...`); nil when it compiles.
    public static func problem(_ pattern: String, kind: DateFormat.Kind) -> String? {
        do {
            _ = try DateFormat(pattern, kind: kind)
            return nil
        } catch {
            return "invalid \(kind == .date ? "date" : "time") format \"\(pattern)\": \(error)"
        }
    }
}
