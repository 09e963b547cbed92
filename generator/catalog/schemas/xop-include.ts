/** XOP 1.0 `xop:Include` (W3C Recommendation "XML-binary Optimized Packaging", §3.2), for volet's built-in catalog. */
export const XOP_INCLUDE_XSD = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:tns="http://www.w3.org/2004/08/xop/include"
           targetNamespace="http://www.w3.org/2004/08/xop/include"
           elementFormDefault="qualified">
  <xs:annotation><xs:documentation>XOP Include (volet built-in catalog).</xs:documentation></xs:annotation>
  <xs:element name="Include" type="tns:Include">
    <xs:annotation><xs:documentation>Stands for base64 content carried as a MIME part, referred to by a cid: URI.</xs:documentation></xs:annotation>
  </xs:element>
  <xs:complexType name="Include">
    <xs:sequence>
      <xs:any namespace="##other" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
    <xs:attribute name="href" type="xs:anyURI" use="required"/>
    <xs:anyAttribute namespace="##other"/>
  </xs:complexType>
</xs:schema>
`;
