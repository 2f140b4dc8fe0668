/// The records of one FormData while it is read: one per ItemGroupRepeatKey met (`""` for groups
/// without one), in the order first met.
struct ODMFormInstance {
    struct Record {
        var key: String
        var line: Int
        /// Each column's value, as its code in the column's ``ODMValueInterner`` (0: empty).
        var values: [UInt32]
        /// The XML line each value was set on (0: not set), to report an item given twice.
        var setOn: [Int]
    }

    let location: ODMLocation
    let line: Int
    let width: Int
    var skipGroup = false
    private var entries: [Record] = []
    private var current = 0

    init(location: ODMLocation, line: Int, width: Int) {
        self.location = location
        self.line = line
        self.width = width
    }

    mutating func beginGroup(_ repeatKey: String, line: Int) {
        if let i = entries.firstIndex(where: { $0.key == repeatKey }) {
            current = i
        } else {
            entries.append(
                Record(
                    key: repeatKey, line: line, values: Array(repeating: 0, count: width),
                    setOn: Array(repeating: 0, count: width)))
            current = entries.count - 1
        }
    }

    /// Sets a value of the current group's record; returns the earlier line when it was already set.
    mutating func set(_ column: Int, _ value: UInt32, line: Int) -> Int? {
        if entries.isEmpty { beginGroup("", line: line) }
        if entries[current].setOn[column] != 0 { return entries[current].setOn[column] }
        entries[current].values[column] = value
        entries[current].setOn[column] = line
        return nil
    }

    /// The finished records: with repeating groups (repeat keys), the values of the groups without
    /// a key are copied into each keyed record, which alone are kept.
    func records() -> [Record] {
        guard entries.isEmpty == false else {
            return [Record(key: "", line: line, values: Array(repeating: 0, count: width), setOn: [])]
        }
        guard entries.count > 1, let shared = entries.first(where: { $0.key.isEmpty }) else { return entries }
        return entries.filter { !$0.key.isEmpty }.map { record in
            var merged = record
            for i in 0..<width where merged.setOn[i] == 0 && shared.setOn[i] != 0 { merged.values[i] = shared.values[i] }
            return merged
        }
    }
}
