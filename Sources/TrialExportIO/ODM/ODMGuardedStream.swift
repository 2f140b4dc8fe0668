import Foundation

/// A file read in chunks for the XML parser, each checked before the parser sees it: a document
/// type declaration is refused, and so are bytes that are not UTF-8.
///
/// `<!DOCTYPE` is the only way to declare entities or point at external files, so refusing it
/// here means no entity (billion laughs) and no external file or URL (XXE) ever reaches libxml2,
/// whatever options Foundation's XMLParser passes it (on Linux: entity substitution on). The text
/// `<!DOCTYPE` inside a comment or CDATA section is refused too (rare; reported the same way).
final class ODMGuardedStream {
    /// The file read (into `buffer`), or the part of a file held in memory.
    private let handle: FileHandle?
    private var buffer: [UInt8] = []
    private let memory: [UInt8]
    private var offset = 0
    /// Bytes of `<!DOCTYPE` matched so far (the pattern may span chunks).
    private var matched = 0
    private var line = 1
    private var column = 0
    /// Continuation bytes still expected in the current UTF-8 sequence, and its bytes so far.
    private var expected = 0
    private var sequence: [UInt8] = []
    private var sequenceColumn = 0
    /// Where the first byte sequence that is not UTF-8 was met, and its bytes (`\xC3\x28`).
    private(set) var invalidUTF8: (line: Int, column: Int, bytes: String)?
    /// The line of the refused `<!DOCTYPE`, once met.
    private(set) var doctypeLine: Int?
    /// Whether a carriage return was among the bytes checked so far (an XML parser reads CR LF,
    /// and a CR alone, as LF).
    private(set) var sawCarriageReturn = false
    private static let pattern = Array("<!DOCTYPE".utf8)
    private static let chunk = 1 << 16
    /// Chunks of a part held in memory are handed on in place, so they may be larger.
    private static let memoryChunk = 1 << 18

    init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ODMError.unreadable(path: path, detail: "no such file or not readable")
        }
        self.handle = handle
        buffer = Array(repeating: 0, count: Self.chunk)
        memory = []
    }

    /// A part of a file held in memory (see ``ODMSegmentedRead``). `checked`: its bytes are
    /// already known to be ASCII without `!` (so UTF-8 and free of `<!DOCTYPE`), and are not
    /// scanned again.
    init(bytes: [UInt8], checked: Bool = false) {
        handle = nil
        memory = bytes
        self.checked = checked
    }

    private var checked = false

    deinit { try? handle?.close() }

    /// Hands the next chunk of the file, checked, to `body` (valid only during the call) and
    /// returns what it returns; nil at the end of the file or once a chunk is refused (then
    /// `doctypeLine` or `invalidUTF8` says why).
    func nextChunk<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        guard doctypeLine == nil, invalidUTF8 == nil else { return nil }
        guard let handle else {
            guard offset < memory.count else { return nil }
            let start = offset
            offset = min(offset + Self.memoryChunk, memory.count)
            return memory.withUnsafeBufferPointer { all in
                let chunk = UnsafeBufferPointer(rebasing: all[start..<offset])
                return !checked && scan(chunk) ? nil : body(chunk)
            }
        }
        let descriptor = handle.fileDescriptor
        var count = 0
        repeat {
            count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        } while count < 0 && errno == EINTR
        guard count > 0 else { return nil }
        return buffer.withUnsafeBufferPointer { all in
            let chunk = UnsafeBufferPointer(rebasing: all[0..<count])
            return scan(chunk) ? nil : body(chunk)
        }
    }

    /// Counts lines, checks UTF-8 and looks for `<!DOCTYPE`; true when the chunk must not be
    /// handed on (a DOCTYPE or bytes that are not UTF-8).
    private func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        while start < bytes.count {
            let end = min(start + Self.block, bytes.count)
            let block = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if !(expected == 0 && matched == 0 && plainASCII(block)), scanBytes(block) { return true }
            start = end
        }
        return false
    }

    /// Bytes checked at a time: a block of ASCII without `!` (most of a file) is checked a word at
    /// a time; any other block byte by byte.
    private static let block = 1024

    /// When the block is ASCII and holds no `!` (so no `<!DOCTYPE` can start in it), counts its
    /// lines and returns true; otherwise returns false and leaves the state as it was.
    private func plainASCII(_ block: UnsafeBufferPointer<UInt8>) -> Bool {
        let survey = Self.survey(block)
        guard survey.ascii, !survey.bang else { return false }
        sawCarriageReturn = sawCarriageReturn || survey.carriageReturn
        if survey.lineFeeds > 0, let last = block.lastIndex(of: 0x0A) {
            line += survey.lineFeeds
            column = block.count - last - 1
        } else {
            column += block.count
        }
        // A `<` at the end may begin `<!DOCTYPE` in the next block.
        if block.last == Self.pattern[0] { matched = 1 }
        return true
    }

    /// What one pass over some bytes, a word at a time, tells: their line feeds, whether all are
    /// ASCII, whether any is `!` or `?` or a carriage return.
    struct Survey {
        var lineFeeds = 0
        var ascii = true
        var bang = false
        var question = false
        var carriageReturn = false
    }

    static func survey(_ bytes: UnsafeBufferPointer<UInt8>) -> Survey {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return Survey() }
        let words = bytes.count / 8
        var count = 0
        var high: UInt64 = 0
        var bangs: UInt64 = 0
        var questions: UInt64 = 0
        var returns: UInt64 = 0
        for i in 0..<words {
            let word = base.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self)
            high |= word
            bangs |= zeroBytes(word ^ 0x2121_2121_2121_2121)
            questions |= zeroBytes(word ^ 0x3F3F_3F3F_3F3F_3F3F)
            returns |= zeroBytes(word ^ 0x0D0D_0D0D_0D0D_0D0D)
            count += zeroBytes(word ^ 0x0A0A_0A0A_0A0A_0A0A).nonzeroBitCount
        }
        for i in (8 * words)..<bytes.count {
            let byte = bytes[i]
            high |= UInt64(byte)
            if byte == 0x21 { bangs = 1 }
            if byte == 0x3F { questions = 1 }
            if byte == 0x0D { returns = 1 }
            if byte == 0x0A { count += 1 }
        }
        return Survey(
            lineFeeds: count, ascii: high & 0x8080_8080_8080_8080 == 0, bang: bangs != 0, question: questions != 0,
            carriageReturn: returns != 0)
    }

    /// The high bit set in each byte of a word that is zero (a byte with its high bit set is never
    /// taken for zero).
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        ~(((word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | word) & 0x8080_8080_8080_8080
    }

    /// The byte-by-byte check of a block; true when it must not be handed on.
    private func scanBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let pattern = Self.pattern
        for byte in bytes {
            if byte == 0x0A { (line, column) = (line + 1, 0) } else if byte & 0xC0 != 0x80 { column += 1 }
            if byte == 0x0D { sawCarriageReturn = true }
            if !utf8(byte) { return true }
            if byte == pattern[matched] {
                matched += 1
                if matched == pattern.count {
                    doctypeLine = line
                    return true
                }
            } else {
                matched = byte == pattern[0] ? 1 : 0
            }
        }
        return false
    }

    /// Feeds one byte to the UTF-8 check; false (and `invalidUTF8` set) when it breaks a sequence.
    /// Overlong forms and surrogates are left to the XML parser, which refuses them too.
    private func utf8(_ byte: UInt8) -> Bool {
        if expected > 0 {
            guard byte & 0xC0 == 0x80 else { return invalid(sequence + [byte]) }
            sequence.append(byte)
            expected -= 1
            return true
        }
        switch byte {
        case 0x00..<0x80: return true
        case 0xC2..<0xE0: expected = 1
        case 0xE0..<0xF0: expected = 2
        case 0xF0..<0xF5: expected = 3
        default:
            sequenceColumn = column
            return invalid([byte])
        }
        sequence = [byte]
        sequenceColumn = column
        return true
    }

    private func invalid(_ bytes: [UInt8]) -> Bool {
        invalidUTF8 = (line, sequenceColumn, bytes.map { "\\x" + String($0, radix: 16, uppercase: true) }.joined())
        return false
    }
}
