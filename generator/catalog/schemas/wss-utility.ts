/**
 * OASIS Web Services Security 1.0 utility (`wsu:`): Timestamp, Created, Expires and the Id attribute,
 * written for volet's built-in catalog from the WSS: SOAP Message Security 1.0 specification.
 */
export const WSS_UTILITY_XSD = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"
           targetNamespace="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"
           elementFormDefault="qualified" attributeFormDefault="unqualified">
  <xs:annotation><xs:documentation>WSS 1.0 utility (volet built-in catalog).</xs:documentation></xs:annotation>

  <xs:simpleType name="tTimestampFault">
    <xs:restriction base="xs:QName">
      <xs:enumeration value="wsu:MessageExpired"/>
    </xs:restriction>
  </xs:simpleType>

  <xs:attribute name="Id" type="xs:ID">
    <xs:annotation><xs:documentation>The id by which signatures refer to an element.</xs:documentation></xs:annotation>
  </xs:attribute>
  <xs:attributeGroup name="commonAtts">
    <xs:attribute ref="wsu:Id" use="optional"/>
    <xs:anyAttribute namespace="##other" processContents="lax"/>
  </xs:attributeGroup>

  <xs:complexType name="AttributedDateTime">
    <xs:simpleContent>
      <xs:extension base="xs:string">
        <xs:attributeGroup ref="wsu:commonAtts"/>
      </xs:extension>
    </xs:simpleContent>
  </xs:complexType>
  <xs:complexType name="AttributedURI">
    <xs:simpleContent>
      <xs:extension base="xs:anyURI">
        <xs:attributeGroup ref="wsu:commonAtts"/>
      </xs:extension>
    </xs:simpleContent>
  </xs:complexType>

  <xs:complexType name="TimestampType">
    <xs:sequence>
      <xs:element ref="wsu:Created" minOccurs="0"/>
      <xs:element ref="wsu:Expires" minOccurs="0"/>
      <xs:choice minOccurs="0" maxOccurs="unbounded">
        <xs:any namespace="##other" processContents="lax"/>
      </xs:choice>
    </xs:sequence>
    <xs:attributeGroup ref="wsu:commonAtts"/>
  </xs:complexType>
  <xs:element name="Timestamp" type="wsu:TimestampType">
    <xs:annotation><xs:documentation>Creation and expiry times of the security semantics of the message.</xs:documentation></xs:annotation>
  </xs:element>
  <xs:element name="Expires" type="wsu:AttributedDateTime"/>
  <xs:element name="Created" type="wsu:AttributedDateTime"/>
</xs:schema>
`;
