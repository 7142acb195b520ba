import Foundation
import MetricLearn
import Testing

@Suite struct MatrixNPYTests {
    @Test func headerBytesOfATwoByThreeMatrix() {
        let data = Matrix(rows: [[1, 2, 3], [4, 5, 6]]).npyData()
        let bytes = [UInt8](data)
        #expect(bytes.count == 128 + 6 * 8)
        #expect(Array(bytes[0..<8]) == [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 0x01, 0x00])    // \x93NUMPY 1.0
        #expect(Array(bytes[8..<10]) == [118, 0])                                            // header length, LE
        let dictionary = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }"
        let header = dictionary + String(repeating: " ", count: 118 - dictionary.utf8.count - 1) + "\n"
        #expect(String(decoding: bytes[10..<128], as: UTF8.self) == header)
    }

    @Test func payloadIsLittleEndianRowMajor() {
        let bytes = [UInt8](Matrix(rows: [[1, 2, 3], [4, 5, 6]]).npyData())
        // 1.0 = 0x3FF0000000000000, 2.0 = 0x4000000000000000, 6.0 = 0x4018000000000000, least byte first.
        #expect(Array(bytes[128..<136]) == [0, 0, 0, 0, 0, 0, 0xF0, 0x3F])
        #expect(Array(bytes[136..<144]) == [0, 0, 0, 0, 0, 0, 0x00, 0x40])
        #expect(Array(bytes[168..<176]) == [0, 0, 0, 0, 0, 0, 0x18, 0x40])
    }

    @Test(arguments: [(0, 0), (1, 1), (12345, 7), (2, 40000)])
    func dataStartsAtAMultipleOf64(rows: Int, columns: Int) {
        let bytes = [UInt8](Matrix(rowCount: rows, columnCount: columns).npyData())
        let headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
        #expect((10 + headerLength) % 64 == 0)
        #expect(bytes[10 + headerLength - 1] == UInt8(ascii: "\n"))
        #expect(bytes.count == 10 + headerLength + rows * columns * 8)
        #expect(String(decoding: bytes[10..<(10 + headerLength)], as: UTF8.self).contains("'shape': (\(rows), \(columns))"))
    }
}
