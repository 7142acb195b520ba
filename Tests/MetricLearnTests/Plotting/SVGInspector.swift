import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses an SVG document and collects its elements, so tests can count and read them.
final class SVGInspector: NSObject, XMLParserDelegate {
    /// One parsed element: its name, attributes and text content.
    struct Element {
        let name: String
        let attributes: [String: String]
        var text = ""
    }

    private(set) var elements: [Element] = []
    private var open: [Int] = []

    /// Parses `svg`; nil when it is not well-formed XML.
    static func parse(_ svg: String) -> SVGInspector? {
        let inspector = SVGInspector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = inspector
        return parser.parse() ? inspector : nil
    }

    /// The elements named `name`, in document order.
    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    /// A numeric attribute of an element.
    static func number(_ element: Element, _ attribute: String) -> Double? {
        element.attributes[attribute].flatMap(Double.init)
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        open.append(elements.count)
        elements.append(Element(name: elementName, attributes: attributeDict))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let index = open.last { elements[index].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        open.removeLast()
    }
}
