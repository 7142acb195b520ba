/// Reads the arrays of NumPy `.npy` files: a 2-D numeric array as a row-major `Matrix` (features), a 1-D array
/// (or one column) of numbers or unicode text (labels).
///
/// The data goes from the file through a fixed-size buffer straight into the result, so the peak memory is the
/// result itself; the shape is checked against `Int` and `MemoryBudget`, and against a regular file's size, before
/// anything is allocated.
enum NPYReader {
    /// The elements read from the file per step.
    private static let chunkElementCount = 1 << 16

    /// What a 1-D array holds.
    enum Vector {
        /// Numbers, and whether the dtype is an integer type.
        case numbers([Double], areIntegers: Bool)
        /// Unicode text.
        case texts([String])
    }

    /// The 2-D numeric array in the file at `path`, as a row-major matrix.
    ///
    /// - Throws: `file` when it cannot be read; `npyFile` for a bad file, a shape that is not 2-D, text, and a
    ///   NaN or infinite value (naming its 0-based row and column); `insufficientMemory` when the matrix does not
    ///   fit in memory.
    static func matrix(atPath path: String) throws(MetricLearnError) -> Matrix {
        let file = try BinaryFileReader(path: path)
        let header = try NPYHeader(reading: file)
        guard header.shape.count == 2 else {
            throw .npyFile(path: path, reason: "holds an array of shape \(header.shapeText); features must be a 2-D "
                               + "array (rows × columns)")
        }
        guard header.type.kind != .unicode else {
            throw .npyFile(path: path, reason: "holds text (dtype '\(header.type.text)'); features must be numbers")
        }
        let (rowCount, columnCount) = (header.shape[0], header.shape[1])
        guard rowCount > 0, columnCount > 0 else {
            throw .npyFile(path: path, reason: "holds an empty array of shape \(header.shapeText)")
        }
        let count = try checkedElementCount(file, header, what: "the \(rowCount) × \(columnCount) matrix of \(path)")
        let elements = try numbers(file, header: header, count: count,
                                   columnMajorRows: header.isFortranOrder ? rowCount : nil)
        if let index = elements.firstIndex(where: { !$0.isFinite }) {
            let error = MetricLearnError.nonFiniteValue(row: index / columnCount, column: index % columnCount)
            throw .npyFile(path: path, reason: "\(error)")
        }
        return Matrix(rowCount: rowCount, columnCount: columnCount, elements: elements)
    }

    /// The 1-D array (or one-column 2-D array) in the file at `path`.
    ///
    /// - Throws: `file` when it cannot be read; `npyFile` for a bad file or a shape that is not one value per row.
    static func vector(atPath path: String) throws(MetricLearnError) -> Vector {
        let file = try BinaryFileReader(path: path)
        let header = try NPYHeader(reading: file)
        guard header.shape.count == 1 || (header.shape.count == 2 && header.shape[1] == 1) else {
            throw .npyFile(path: path, reason: "holds an array of shape \(header.shapeText); labels must be a 1-D array "
                               + "(one per row)")
        }
        let count = try checkedElementCount(file, header, what: "the labels of \(path)")
        guard count > 0 else { throw .npyFile(path: path, reason: "holds no labels") }
        if header.type.kind == .unicode { return .texts(try readTexts(file, header: header, count: count)) }
        let values = try numbers(file, header: header, count: count, columnMajorRows: nil)
        return .numbers(values, areIntegers: header.type.kind != .float)
    }

    /// The shape's element count, refused when it overflows `Int`, does not fit in memory, or differs from what a
    /// regular file holds (all before anything is allocated).
    private static func checkedElementCount(_ file: BinaryFileReader, _ header: NPYHeader,
                                            what: @autoclosure () -> String) throws(MetricLearnError) -> Int {
        let path = file.path
        guard let count = header.elementCount else {
            throw .npyFile(path: path, reason: "the shape \(header.shapeText) has more elements than can be addressed")
        }
        try MemoryBudget.require(doubles: Double(count) * Double(max(header.type.byteCount, 8)) / 8, for: what(),
                                 remedies: [.fewerSamples])
        if let size = file.regularFileSize {
            let expected = header.byteCount + count * header.type.byteCount
            guard size >= expected else { throw truncated(header, path: path, size: size) }
            guard size == expected else {
                let extra = size - expected
                throw .npyFile(path: path, reason: "has \(extra) byte\(extra == 1 ? "" : "s") after the data of its shape "
                                   + "\(header.shapeText) and dtype '\(header.type.text)'")
            }
        }
        return count
    }

    private static func truncated(_ header: NPYHeader, path: String, size: Int?) -> MetricLearnError {
        let holds = size.map { ", but the file holds \($0) bytes" } ?? ", but the data ends early"
        return .npyFile(path: path, reason: "truncated: its header announces shape \(header.shapeText) of dtype "
                            + "'\(header.type.text)' (\(header.byteCount) + \(header.elementCount ?? 0) × "
                            + "\(header.type.byteCount) bytes)\(holds)")
    }

    /// The `count` numeric elements of the file, row-major (see `readNumbers`).
    private static func numbers(_ file: BinaryFileReader, header: NPYHeader, count: Int,
                                columnMajorRows: Int?) throws(MetricLearnError) -> [Double] {
        var failure: MetricLearnError?
        let values = [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            do throws(MetricLearnError) {
                try readNumbers(file, header: header, into: buffer, columnMajorRows: columnMajorRows)
            } catch {
                failure = error
                buffer.initialize(repeating: 0)    // a Double needs no deinitialization, but every element is set
            }
            initialized = count
        }
        if let failure { throw failure }
        return values
    }

    /// Reads every numeric element of the file into `buffer` (as many as it holds), in C order, or — with
    /// `columnMajorRows` — from Fortran order into the row-major place of each element.
    private static func readNumbers(_ file: BinaryFileReader, header: NPYHeader,
                                    into buffer: UnsafeMutableBufferPointer<Double>,
                                    columnMajorRows: Int?) throws(MetricLearnError) {
        let (count, size) = (buffer.count, header.type.byteCount)
        let raw = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkElementCount * size, alignment: 8)
        defer { raw.deallocate() }
        let scratch = columnMajorRows == nil ? nil : UnsafeMutableBufferPointer<Double>.allocate(capacity: chunkElementCount)
        defer { scratch?.deallocate() }
        var start = 0
        while start < count {
            let chunk = min(chunkElementCount, count - start)
            let bytes = UnsafeMutableRawBufferPointer(rebasing: raw[0..<(chunk * size)])
            guard try file.read(into: bytes) == bytes.count else { throw truncated(header, path: file.path, size: nil) }
            guard let rows = columnMajorRows, let scratch else {
                decode(UnsafeRawBufferPointer(bytes), type: header.type, into: buffer.baseAddress! + start)
                start += chunk
                continue
            }
            decode(UnsafeRawBufferPointer(bytes), type: header.type, into: scratch.baseAddress!)
            let columns = count / rows
            for offset in 0..<chunk {
                let index = start + offset
                buffer[(index % rows) * columns + index / rows] = scratch[offset]
            }
            start += chunk
        }
        try requireEnd(file, header: header)
    }

    /// Reads `count` fixed-width unicode texts (UTF-32, padded with NULs), checking the bytes before keeping them.
    private static func readTexts(_ file: BinaryFileReader, header: NPYHeader,
                                  count: Int) throws(MetricLearnError) -> [String] {
        let size = header.type.byteCount
        let bytes = try file.bytes(count: count * size)
        guard bytes.count == count * size else { throw truncated(header, path: file.path, size: nil) }
        try requireEnd(file, header: header)
        var texts: [String] = []
        texts.reserveCapacity(count)
        for index in 0..<count {
            var scalars = String.UnicodeScalarView()
            for offset in stride(from: index * size, to: (index + 1) * size, by: 4) {
                let word = bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
                let value = header.type.isBigEndian ? word : word.byteSwapped
                if value == 0 { break }
                guard let scalar = Unicode.Scalar(value) else {
                    throw .npyFile(path: file.path, reason: "label \(index) is not valid unicode text")
                }
                scalars.append(scalar)
            }
            texts.append(String(scalars))
        }
        return texts
    }

    /// Refuses bytes after the data of a stream (a regular file's size was checked before reading).
    private static func requireEnd(_ file: BinaryFileReader, header: NPYHeader) throws(MetricLearnError) {
        guard file.regularFileSize == nil, try !file.bytes(count: 1).isEmpty else { return }
        throw .npyFile(path: file.path, reason: "has bytes after the data of its shape \(header.shapeText) and "
                           + "dtype '\(header.type.text)'")
    }

    /// Converts the elements in `raw` of `type` into doubles at `output`.
    private static func decode(_ raw: UnsafeRawBufferPointer, type: NPYElementType,
                               into output: UnsafeMutablePointer<Double>) {
        let swapped = type.isBigEndian != (1.bigEndian == 1)
        switch (type.kind, type.byteCount) {
        case (.float, 8): convert(raw, UInt64.self, swapped, output) { Double(bitPattern: $0) }
        case (.float, 4): convert(raw, UInt32.self, swapped, output) { Double(Float(bitPattern: $0)) }
        case (.signedInteger, 1): convert(raw, UInt8.self, swapped, output) { Double(Int8(bitPattern: $0)) }
        case (.signedInteger, 2): convert(raw, UInt16.self, swapped, output) { Double(Int16(bitPattern: $0)) }
        case (.signedInteger, 4): convert(raw, UInt32.self, swapped, output) { Double(Int32(bitPattern: $0)) }
        case (.signedInteger, 8): convert(raw, UInt64.self, swapped, output) { Double(Int64(bitPattern: $0)) }
        case (.unsignedInteger, 1): convert(raw, UInt8.self, swapped, output) { Double($0) }
        case (.unsignedInteger, 2): convert(raw, UInt16.self, swapped, output) { Double($0) }
        case (.unsignedInteger, 4): convert(raw, UInt32.self, swapped, output) { Double($0) }
        case (.unsignedInteger, 8): convert(raw, UInt64.self, swapped, output) { Double($0) }
        default: preconditionFailure("NPYElementType admits no other numeric type")
        }
    }

    @inline(__always)
    private static func convert<Word: FixedWidthInteger>(_ raw: UnsafeRawBufferPointer, _: Word.Type, _ swapped: Bool,
                                                         _ output: UnsafeMutablePointer<Double>,
                                                         _ value: (Word) -> Double) {
        let size = MemoryLayout<Word>.size
        for index in 0..<(raw.count / size) {
            let word = raw.loadUnaligned(fromByteOffset: index * size, as: Word.self)
            output[index] = value(swapped ? word.byteSwapped : word)
        }
    }
}
