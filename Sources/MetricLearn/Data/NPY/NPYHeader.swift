/// The header of a NumPy `.npy` file (format versions 1.0, 2.0 and 3.0): the magic `\x93NUMPY`, two version
/// bytes, the header's length (a little-endian `UInt16` in 1.0, `UInt32` in 2.0 and 3.0), then a Python dict
/// literal `{'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }` (ASCII, or UTF-8 in 3.0).
///
/// The header is parsed as data, never evaluated: only string, `True`/`False` and tuple-of-integers values are
/// understood, and an object dtype (`|O`, whose data is a pickle) is refused before a byte of data is read.
struct NPYHeader: Equatable {
    /// The element type.
    let type: NPYElementType
    /// Whether the elements are stored column by column (Fortran order) rather than row by row (C order).
    let isFortranOrder: Bool
    /// The array's dimensions.
    let shape: [Int]
    /// The bytes before the data: the magic, version, length and header text.
    let byteCount: Int

    /// The longest header accepted (NumPy itself refuses headers over 10 000 bytes unless told otherwise).
    static let maximumLength = 1 << 16

    /// Reads the header from the start of `file`.
    ///
    /// - Throws: `npyFile` naming what is wrong (bad magic, unknown version, truncated, a header that is not the
    ///   expected dict, an unsupported dtype, a bad shape); `file` when it cannot be read.
    init(reading file: BinaryFileReader) throws(MetricLearnError) {
        let path = file.path
        func failure(_ reason: String) -> MetricLearnError { .npyFile(path: path, reason: reason) }
        let prefix = try file.bytes(count: 8)
        guard prefix.count == 8, prefix.starts(with: [0x93] + Array("NUMPY".utf8)) else {
            throw failure("not a NumPy .npy file (it does not start with \\x93NUMPY)")
        }
        let lengthSize: Int
        switch (prefix[6], prefix[7]) {
        case (1, 0): lengthSize = 2
        case (2, 0), (3, 0): lengthSize = 4
        case let (major, minor): throw failure("unsupported .npy format version \(major).\(minor) (1.0, 2.0 and 3.0 are read)")
        }
        let lengthBytes = try file.bytes(count: lengthSize)
        guard lengthBytes.count == lengthSize else { throw failure("truncated: it ends inside the header") }
        let length = lengthBytes.reversed().reduce(0) { $0 << 8 | Int($1) }
        guard length <= Self.maximumLength else {
            throw failure("the header is \(length) bytes long, more than the \(Self.maximumLength) accepted")
        }
        let text = try file.bytes(count: length)
        guard text.count == length else { throw failure("truncated: it ends inside the header") }
        var parser = NPYHeaderParser(bytes: text, path: path)
        let fields = try parser.dictionary()
        guard let descr = fields["descr"] else { throw failure("the header has no 'descr' (the dtype)") }
        guard case let .string(typeText) = descr else {
            throw failure("structured dtypes (a 'descr' that is not a string) are not supported")
        }
        guard case let .boolean(isFortranOrder)? = fields["fortran_order"] else {
            throw failure("the header has no 'fortran_order' True or False")
        }
        guard case let .integers(shape)? = fields["shape"] else {
            throw failure("the header has no 'shape' tuple of integers")
        }
        type = try NPYElementType(typeText, path: path)
        self.isFortranOrder = isFortranOrder
        self.shape = shape
        byteCount = 8 + lengthSize + length
    }

    /// The number of elements, or nil when the shape's product (or its bytes) exceeds `Int`.
    var elementCount: Int? {
        var count = 1
        for dimension in shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
            guard !overflow else { return nil }
            count = product
        }
        let (bytes, overflow) = count.multipliedReportingOverflow(by: max(type.byteCount, 8))
        return overflow || bytes > Int.max - byteCount ? nil : count
    }

    /// The shape as NumPy prints it: `(3, 4)`, `(5,)`.
    var shapeText: String {
        "(" + shape.map(String.init).joined(separator: ", ") + (shape.count == 1 ? ",)" : ")")
    }
}

/// An element type (`descr`) the reader converts: floats, signed and unsigned integers, and fixed-width unicode text.
struct NPYElementType: Equatable {
    /// What the bytes of an element hold.
    enum Kind: Equatable {
        /// IEEE 754 binary32 or binary64.
        case float
        /// Two's complement integer.
        case signedInteger
        /// Unsigned integer.
        case unsignedInteger
        /// UTF-32 text of `byteCount / 4` code points, padded with NULs.
        case unicode
    }

    /// What the bytes hold.
    let kind: Kind
    /// The bytes of one element.
    let byteCount: Int
    /// Whether multi-byte values are big-endian (`>`).
    let isBigEndian: Bool
    /// The descr as written (`<f8`).
    let text: String

    /// The type `descr` names, or `npyFile` saying why it is not read (an object dtype is refused: its data is a
    /// pickle, which is never unpickled).
    init(_ descr: String, path: String) throws(MetricLearnError) {
        func failure(_ reason: String) -> MetricLearnError { .npyFile(path: path, reason: reason) }
        var characters = Substring(descr)
        let order = characters.first
        if let order, "<>|=".contains(order) { characters = characters.dropFirst() }
        guard let code = characters.first else { throw failure("the dtype '\(descr)' is empty") }
        guard code != "O" else {
            throw failure("holds Python objects (dtype '\(descr)', a pickle), which are never read; "
                          + "save a numeric array (numpy.asarray(x, dtype=float))")
        }
        let size = Int(characters.dropFirst()) ?? -1
        let kind: Kind
        let byteCount: Int
        switch (code, size) {
        case ("f", 4), ("f", 8): (kind, byteCount) = (.float, size)
        case ("i", 1), ("i", 2), ("i", 4), ("i", 8): (kind, byteCount) = (.signedInteger, size)
        case ("u", 1), ("u", 2), ("u", 4), ("u", 8): (kind, byteCount) = (.unsignedInteger, size)
        case ("U", 1...): (kind, byteCount) = (.unicode, 4 * size)
        default:
            throw failure("the dtype '\(descr)' is not supported (float32/64, integers of 1 to 8 bytes, and "
                          + "unicode text for labels are)")
        }
        self.kind = kind
        self.byteCount = byteCount
        isBigEndian = order == ">" || (order != "<" && 1.bigEndian == 1)
        text = descr
    }
}
