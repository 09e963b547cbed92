/**
 * WSDL 1.1 (W3C Note, 15 March 2001, and the schema published at its namespace), for volet's built-in
 * catalog: the global attributes schemas use (`wsdl:arrayType` in SOAP-encoded array restrictions,
 * `wsdl:required` on extension elements) and the global elements, whose content is kept as XML
 * (`xs:anyType`: a description inside a message, such as a metadata exchange answer, is data to carry
 * as written; volet reads WSDL documents with its own parser, not with this schema).
 */
export const WSDL11_XSD = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           targetNamespace="http://schemas.xmlsoap.org/wsdl/"
           elementFormDefault="qualified">
  <xs:annotation><xs:documentation>WSDL 1.1 global attributes and elements (volet built-in catalog).</xs:documentation></xs:annotation>
  <xs:attribute name="arrayType" type="xs:string"/>
  <xs:attribute name="required" type="xs:boolean"/>
  <xs:element name="definitions" type="xs:anyType"/>
  <xs:element name="documentation" type="xs:anyType"/>
</xs:schema>
`;
