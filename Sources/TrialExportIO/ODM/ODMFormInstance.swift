/// The records of one FormData while it is read: one per ItemGroupRepeatKey met (`""` for groups
/// without one), in the order first met.
///
/// One instance serves every FormData of a reader in turn (``begin(location:line:width:)``): its
/// storage is kept and reused, so reading a FormData allocates nothing once the widest form has
/// been met (a file holds millions of them).
struct ODMFormInstance {
    private(set) var location = ODMLocation()
    private(set) var line = 0
    private(set) var width = 0
    var skipGroup = false
    /// Whether a FormData is open.
    private(set) var isOpen = false
    /// The records met: their repeat keys and lines; values and the lines they were set on, record
    /// after record (`width` each). Only the first `count` are in use.
    private var keys: [String] = []
    private var lines: [Int] = []
    /// Each column's value, as its code in the column's ``ODMValueInterner`` (0: empty).
    private var values: [UInt32] = []
    /// The XML line each value was set on (0: not set), to report an item given twice.
    private var setOn: [Int] = []
    private var count = 0
    private var current = 0

    /// Starts a FormData of a form with `width` columns.
    mutating func begin(location: ODMLocation, line: Int, width: Int) {
        self.location = location
        self.line = line
        self.width = width
        skipGroup = false
        isOpen = true
        count = 0
        current = 0
    }

    /// Ends the FormData.
    mutating func close() { isOpen = false }

    mutating func beginGroup(_ repeatKey: String, line: Int) {
        for i in 0..<count where keys[i] == repeatKey {
            current = i
            return
        }
        let start = count * width
        if count < keys.count {
            keys[count] = repeatKey
            lines[count] = line
        } else {
            keys.append(repeatKey)
            lines.append(line)
        }
        if values.count < start + width {
            values.append(contentsOf: repeatElement(0, count: start + width - values.count))
            setOn.append(contentsOf: repeatElement(0, count: start + width - setOn.count))
        }
        values.withUnsafeMutableBufferPointer { $0[start..<start + width].update(repeating: 0) }
        setOn.withUnsafeMutableBufferPointer { $0[start..<start + width].update(repeating: 0) }
        current = count
        count += 1
    }

    /// Sets a value of the current group's record; returns the earlier line when it was already set.
    mutating func set(_ column: Int, _ value: UInt32, line: Int) -> Int? {
        if count == 0 { beginGroup("", line: line) }
        let at = current * width + column
        if setOn[at] != 0 { return setOn[at] }
        values[at] = value
        setOn[at] = line
        return nil
    }

    /// Calls `body` with each finished record (its repeat key, line and values): with repeating
    /// groups (repeat keys), the values of the groups without a key are copied into each keyed
    /// record, which alone are kept. `body` may change the values it is given (key columns).
    mutating func forEachRecord(_ body: (_ key: String, _ line: Int, _ values: UnsafeMutableBufferPointer<UInt32>) -> Void) {
        if count == 0 { beginGroup("", line: line) }
        let (width, keys, lines, count) = (self.width, self.keys, self.lines, self.count)
        let shared = count > 1 ? (0..<count).first { keys[$0].isEmpty } : nil
        values.withUnsafeMutableBufferPointer { values in
            setOn.withUnsafeBufferPointer { setOn in
                for record in 0..<count {
                    if let shared {
                        if record == shared { continue }
                        let (base, from) = (record * width, shared * width)
                        for i in 0..<width where setOn[base + i] == 0 && setOn[from + i] != 0 {
                            values[base + i] = values[from + i]
                        }
                    }
                    let slice = UnsafeMutableBufferPointer(rebasing: values[record * width..<(record + 1) * width])
                    body(keys[record], lines[record], slice)
                }
            }
        }
    }
}
