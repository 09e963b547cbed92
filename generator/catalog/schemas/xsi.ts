/** The XML Schema instance attributes (XSD 1.0 Part 1 §3.2.7, §4.3.2), for volet's built-in catalog. */
export const XSI_XSD = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           targetNamespace="http://www.w3.org/2001/XMLSchema-instance">
  <xs:annotation><xs:documentation>XML Schema instance attributes (volet built-in catalog).</xs:documentation></xs:annotation>
  <xs:attribute name="type" type="xs:QName"/>
  <xs:attribute name="nil" type="xs:boolean"/>
  <xs:attribute name="schemaLocation">
    <xs:simpleType>
      <xs:list itemType="xs:anyURI"/>
    </xs:simpleType>
  </xs:attribute>
  <xs:attribute name="noNamespaceSchemaLocation" type="xs:anyURI"/>
</xs:schema>
`;
