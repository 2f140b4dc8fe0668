import Foundation

/// An input stream over a file that hands the XML parser its bytes in chunks and refuses a
/// document type declaration before the parser sees it.
///
/// `<!DOCTYPE` is the only way to declare entities or point at external files, so refusing it
/// here means no entity (billion laughs) and no external file or URL (XXE) ever reaches libxml2,
/// whatever options Foundation's XMLParser passes it (on Linux: entity substitution on). The text
/// `<!DOCTYPE` inside a comment or CDATA section is refused too (rare; reported the same way).
final class ODMGuardedStream: InputStream {
    private let handle: FileHandle
    private var pending = Data()
    private var offset = 0
    /// Bytes of `<!DOCTYPE` matched so far (the pattern may span chunks).
    private var matched = 0
    private var line = 1
    /// The line of the refused `<!DOCTYPE`, once met.
    private(set) var doctypeLine: Int?
    private(set) var bytesRead = 0
    private static let pattern = Array("<!DOCTYPE".utf8)
    private static let chunk = 1 << 16

    init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ODMError.unreadable(path: path, detail: "no such file or not readable")
        }
        self.handle = handle
        super.init(data: Data())
    }

    override func open() {}
    override func close() { try? handle.close() }
    override var hasBytesAvailable: Bool { doctypeLine == nil }

    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength len: Int) -> Int {
        guard doctypeLine == nil else { return 0 }
        if offset == pending.count {
            guard let data = try? handle.read(upToCount: Self.chunk), !data.isEmpty else { return 0 }
            if scan(data) { return 0 }
            pending = data
            offset = 0
        }
        let n = min(len, pending.count - offset)
        pending.withUnsafeBytes { bytes in
            buffer.update(from: bytes.bindMemory(to: UInt8.self).baseAddress! + offset, count: n)
        }
        offset += n
        bytesRead += n
        return n
    }

    /// Counts lines and looks for `<!DOCTYPE`; true when found (the chunk is then not handed on).
    private func scan(_ data: Data) -> Bool {
        let pattern = Self.pattern
        for byte in data {
            if byte == 0x0A { line += 1 }
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
}
