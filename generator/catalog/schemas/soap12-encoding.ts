/**
 * SOAP 1.2 encoding (W3C Recommendation "SOAP Version 1.2 Part 2: Adjuncts", §3 and the schema
 * published at its namespace), for volet's built-in catalog: the attributes an encoded graph carries
 * (`enc:id`, `enc:ref`, `enc:nodeType`, `enc:itemType`, `enc:arraySize`) and their group.
 */
export const SOAP12_ENCODING_XSD = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:enc="http://www.w3.org/2003/05/soap-encoding"
           targetNamespace="http://www.w3.org/2003/05/soap-encoding">
  <xs:annotation><xs:documentation>SOAP 1.2 encoding attributes (volet built-in catalog).</xs:documentation></xs:annotation>
  <xs:attribute name="id" type="xs:ID"/>
  <xs:attribute name="ref" type="xs:IDREF"/>
  <xs:attribute name="nodeType" type="enc:nodeType"/>
  <xs:simpleType name="nodeType">
    <xs:restriction base="xs:token">
      <xs:enumeration value="simple"/>
      <xs:enumeration value="struct"/>
      <xs:enumeration value="array"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:attribute name="itemType" type="xs:QName"/>
  <xs:attribute name="arraySize" type="enc:arraySize"/>
  <xs:simpleType name="arraySize">
    <xs:restriction base="xs:string">
      <xs:pattern value="(\\*|(\\d+))(\\s+\\d+)*"/>
    </xs:restriction>
  </xs:simpleType>
  <xs:attributeGroup name="commonAttributes">
    <xs:attribute ref="enc:id"/>
    <xs:attribute ref="enc:ref"/>
    <xs:anyAttribute namespace="##other" processContents="lax"/>
  </xs:attributeGroup>
</xs:schema>
`;
