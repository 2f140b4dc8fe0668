extension String {
    /// The text without leading and trailing spaces and tabs; no copy when there are none.
    ///
    /// Foundation's `trimmingCharacters(in:)` bridges through NSString on Linux and dominated
    /// the mapping time; raw values are checked with this on every access.
    @inlinable
    public var trimmingSpaces: String {
        let bytes = utf8
        guard let first = bytes.first, let last = bytes.last else { return self }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
        guard isSpace(first) || isSpace(last) else { return self }
        guard let start = bytes.firstIndex(where: { !isSpace($0) }) else { return "" }
        let end = bytes.lastIndex(where: { !isSpace($0) })!
        return String(self[start...end])
    }
}
