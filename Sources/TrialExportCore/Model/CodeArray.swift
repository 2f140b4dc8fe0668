/// A column's codes, one per row, each stored in as few bytes as the column's distinct values need.
///
/// One byte a row while every code is under 256, two while under 65,536, four beyond; the storage
/// widens (once, copying) when a larger code arrives. Most SDTM columns (STUDYID, DOMAIN, test
/// codes, visits, units, flags, study days) hold a few hundred values at most, so most cells cost
/// one or two bytes however many records a study has.
@usableFromInline
struct CodeArray: Sendable {
    /// Bytes a code: 1, 2 or 4. Only the array of that width holds codes; the others are empty.
    @usableFromInline var width: UInt8 = 1
    @usableFromInline var narrow: [UInt8] = []
    @usableFromInline var medium: [UInt16] = []
    @usableFromInline var wide: [UInt32] = []

    @usableFromInline init() {}

    /// These codes, none above `largest`, in the width `largest` needs.
    init(_ codes: [UInt32], largest: UInt32) {
        width = Self.width(for: largest)
        switch width {
        case 1: narrow = codes.map { UInt8(truncatingIfNeeded: $0) }
        case 2: medium = codes.map { UInt16(truncatingIfNeeded: $0) }
        default: wide = codes
        }
    }

    /// Appends `other`'s codes, each translated through `table` (`table[code]`), widening once.
    mutating func append(translating other: CodeArray, through table: [UInt32]) {
        guard let largest = table.max(), !other.isEmpty else { return }
        fit(largest)
        func add<Source: FixedWidthInteger, Target: FixedWidthInteger>(_ source: [Source], to target: inout [Target]) {
            target.reserveCapacity(target.count + source.count)
            table.withUnsafeBufferPointer { table in
                for code in source { target.append(Target(truncatingIfNeeded: table[Int(code)])) }
            }
        }
        switch (width, other.width) {
        case (1, 1): add(other.narrow, to: &narrow)
        case (1, 2): add(other.medium, to: &narrow)
        case (1, _): add(other.wide, to: &narrow)
        case (2, 1): add(other.narrow, to: &medium)
        case (2, 2): add(other.medium, to: &medium)
        case (2, _): add(other.wide, to: &medium)
        case (_, 1): add(other.narrow, to: &wide)
        case (_, 2): add(other.medium, to: &wide)
        default: add(other.wide, to: &wide)
        }
    }

    /// `count` copies of `code`.
    init(repeating code: UInt32, count: Int) {
        fit(code)
        switch width {
        case 1: narrow = Array(repeating: UInt8(code), count: count)
        case 2: medium = Array(repeating: UInt16(code), count: count)
        default: wide = Array(repeating: code, count: count)
        }
    }

    /// The code of row `row`; setting a code wider than the storage widens it.
    @inlinable
    subscript(row: Int) -> UInt32 {
        get {
            switch width {
            case 1: UInt32(narrow[row])
            case 2: UInt32(medium[row])
            default: wide[row]
            }
        }
        set {
            fit(newValue)
            switch width {
            case 1: narrow[row] = UInt8(truncatingIfNeeded: newValue)
            case 2: medium[row] = UInt16(truncatingIfNeeded: newValue)
            default: wide[row] = newValue
            }
        }
    }

    mutating func append(_ code: UInt32) {
        fit(code)
        switch width {
        case 1: narrow.append(UInt8(truncatingIfNeeded: code))
        case 2: medium.append(UInt16(truncatingIfNeeded: code))
        default: wide.append(code)
        }
    }

    /// Removes the last row's code (the storage keeps its width).
    mutating func removeLast() {
        switch width {
        case 1: narrow.removeLast()
        case 2: medium.removeLast()
        default: wide.removeLast()
        }
    }

    mutating func reserveCapacity(_ rows: Int) {
        switch width {
        case 1: narrow.reserveCapacity(rows)
        case 2: medium.reserveCapacity(rows)
        default: wide.reserveCapacity(rows)
        }
    }

    /// The codes in the order `order` gives (positions into these codes), at the same width.
    func reordered(_ order: [Int]) -> CodeArray {
        var result = CodeArray()
        result.width = width
        switch width {
        case 1: result.narrow = order.map { narrow[$0] }
        case 2: result.medium = order.map { medium[$0] }
        default: result.wide = order.map { wide[$0] }
        }
        return result
    }

    /// The same codes at the narrowest width that holds codes up to `largest`.
    func narrowed(largest: UInt32) -> CodeArray {
        guard Self.width(for: largest) < width else { return self }
        var result = CodeArray()
        result.reserveCapacity(count)
        for code in self { result.append(code) }
        return result
    }

    /// Widens the storage, if needed, so that it holds `code`.
    @usableFromInline
    mutating func fit(_ code: UInt32) {
        let needed = Self.width(for: code)
        guard needed > width else { return }
        if width == 1, needed == 2 {
            medium = narrow.map(UInt16.init)
        } else {
            wide = width == 1 ? narrow.map(UInt32.init) : medium.map(UInt32.init)
        }
        narrow = []
        if needed == 4 { medium = [] }
        width = needed
    }

    private static func width(for code: UInt32) -> UInt8 {
        code <= UInt8.max ? 1 : code <= UInt16.max ? 2 : 4
    }
}

extension CodeArray: RandomAccessCollection {
    @inlinable var startIndex: Int { 0 }

    @inlinable var endIndex: Int {
        switch width {
        case 1: narrow.count
        case 2: medium.count
        default: wide.count
        }
    }
}

extension CodeArray: Equatable, ExpressibleByArrayLiteral {
    @usableFromInline init(arrayLiteral codes: UInt32...) {
        for code in codes { append(code) }
    }

    @usableFromInline static func == (a: CodeArray, b: CodeArray) -> Bool { a.elementsEqual(b) }
}
