/**
 * Describing Media Content of Binary Data in XML (W3C Working Group Note, 2005, `xmime:`), for volet's
 * built-in catalog: the contentType / expectedContentTypes attributes and the two binary types.
 */
export const XMIME_XSD = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:xmime="http://www.w3.org/2005/05/xmlmime"
           targetNamespace="http://www.w3.org/2005/05/xmlmime">
  <xs:annotation><xs:documentation>xmime media type attributes (volet built-in catalog).</xs:documentation></xs:annotation>
  <xs:attribute name="contentType">
    <xs:annotation><xs:documentation>The media type of the binary content.</xs:documentation></xs:annotation>
    <xs:simpleType>
      <xs:restriction base="xs:string">
        <xs:minLength value="3"/>
      </xs:restriction>
    </xs:simpleType>
  </xs:attribute>
  <xs:attribute name="expectedContentTypes" type="xs:string">
    <xs:annotation><xs:documentation>The media types the binary content may have (an Accept-style list).</xs:documentation></xs:annotation>
  </xs:attribute>
  <xs:complexType name="base64Binary">
    <xs:simpleContent>
      <xs:extension base="xs:base64Binary">
        <xs:attribute ref="xmime:contentType"/>
      </xs:extension>
    </xs:simpleContent>
  </xs:complexType>
  <xs:complexType name="hexBinary">
    <xs:simpleContent>
      <xs:extension base="xs:hexBinary">
        <xs:attribute ref="xmime:contentType"/>
      </xs:extension>
    </xs:simpleContent>
  </xs:complexType>
</xs:schema>
`;
