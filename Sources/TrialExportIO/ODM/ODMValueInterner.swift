import Foundation

/// The distinct values of one column while an ODM file is read, each with a code (0 is the empty
/// value): a value is found by its bytes, so only a value not met before becomes a String. Values
/// are distinct by their exact bytes, as ``RawTable`` keeps them.
struct ODMValueInterner {
    /// The value of each code; `values[0]` is "".
    private(set) var values: [String] = [""]
    /// Per code: 0 until the value is checked, then 1 (fits its ItemDef) or 2 (does not).
    var verdicts: [UInt8] = [1]
    private var bytes: [UInt8] = []
    /// Code `c`'s bytes are `bytes[starts[c]..<starts[c + 1]]`.
    private var starts: [Int] = [0, 0]
    private var hashes: [UInt64] = [0]
    /// Open addressing: a code per slot, 0 for none.
    private var slots: [UInt32] = Array(repeating: 0, count: 64)
    private var last: UInt32 = 0

    /// The number of distinct values, the empty value included.
    var count: Int { values.count }

    /// The code of a value, given as its bytes.
    mutating func code(_ value: UnsafeBufferPointer<UInt8>) -> UInt32 {
        guard !value.isEmpty else { return 0 }
        if last != 0, same(last, value) { return last }
        let hash = Self.hash(value)
        let (found, slot) = find(value, hash: hash)
        if let found {
            last = found
            return found
        }
        let code = UInt32(values.count)
        values.append(String(decoding: value, as: UTF8.self))
        verdicts.append(0)
        bytes.append(contentsOf: value)
        starts.append(bytes.count)
        hashes.append(hash)
        slots[slot] = code
        last = code
        if values.count * 2 > slots.count { grow() }
        return code
    }

    /// The code of a value given as a String.
    mutating func code(_ value: String) -> UInt32 {
        var value = value
        return value.withUTF8 { code($0) }
    }

    /// The code of a value met before, without adding one (nil for a value not met, and for "").
    func existingCode(_ value: UnsafeBufferPointer<UInt8>) -> UInt32? {
        guard !value.isEmpty else { return nil }
        return find(value, hash: Self.hash(value)).code
    }

    /// Whether code `code` (which must exist) stands for these bytes.
    func holds(_ code: UInt32, _ value: UnsafeBufferPointer<UInt8>) -> Bool { !value.isEmpty && same(code, value) }

    /// The value's code if held, else the free slot where it belongs.
    private func find(_ value: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (code: UInt32?, slot: Int) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let code = slots[slot]
            if code == 0 { return (nil, slot) }
            if hashes[Int(code)] == hash, same(code, value) { return (code, slot) }
            slot = (slot + 1) & mask
        }
    }

    private func same(_ code: UInt32, _ value: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[Int(code)]
        let length = starts[Int(code) + 1] - start
        guard length == value.count else { return false }
        return bytes.withUnsafeBufferPointer {
            Self.equal(UnsafeRawPointer($0.baseAddress! + start), UnsafeRawPointer(value.baseAddress!), length)
        }
    }

    /// Whether `count` bytes at `a` and `b` are equal: short runs (most values) compared a word at
    /// a time in place, longer ones by `memcmp`.
    @inline(__always)
    static func equal(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ count: Int) -> Bool {
        if count > 16 { return memcmp(a, b, count) == 0 }
        var i = 0
        while i + 8 <= count {
            guard a.loadUnaligned(fromByteOffset: i, as: UInt64.self) == b.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            else {
                return false
            }
            i += 8
        }
        while i < count {
            guard a.load(fromByteOffset: i, as: UInt8.self) == b.load(fromByteOffset: i, as: UInt8.self) else { return false }
            i += 1
        }
        return true
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for code in 1..<values.count {
            var slot = Int(truncatingIfNeeded: hashes[code]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = UInt32(code)
        }
    }

    /// FNV-1a over the bytes, then mixed so that the low bits (the slot) depend on all of them.
    private static func hash(_ value: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in value { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        hash ^= hash >> 33
        hash = hash &* 0xff51_afd7_ed55_8ccd
        return hash ^ (hash >> 33)
    }
}
