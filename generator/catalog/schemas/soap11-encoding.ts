/**
 * SOAP 1.1 encoding (W3C Note "SOAP 1.1", §5), for volet's built-in catalog: the `soapenc:` types that
 * rpc/encoded WSDLs use (one simple-content type and element per XSD built-in, `Array`, `Struct`,
 * the common and array attributes). Generated from the list of built-ins rather than written out.
 */
const BUILTINS = [
  'string',
  'boolean',
  'float',
  'double',
  'decimal',
  'duration',
  'dateTime',
  'time',
  'date',
  'gYearMonth',
  'gYear',
  'gMonthDay',
  'gDay',
  'gMonth',
  'hexBinary',
  'base64Binary',
  'anyURI',
  'QName',
  'NOTATION',
  'normalizedString',
  'token',
  'language',
  'Name',
  'NMTOKEN',
  'NCName',
  'NMTOKENS',
  'ID',
  'IDREF',
  'ENTITY',
  'IDREFS',
  'ENTITIES',
  'integer',
  'nonPositiveInteger',
  'negativeInteger',
  'long',
  'int',
  'short',
  'byte',
  'nonNegativeInteger',
  'unsignedLong',
  'unsignedInt',
  'unsignedShort',
  'unsignedByte',
  'positiveInteger',
];

const perBuiltin = BUILTINS.map(
  (b) => `  <xs:complexType name="${b}">
    <xs:simpleContent><xs:extension base="xs:${b}"><xs:attributeGroup ref="tns:commonAttributes"/></xs:extension></xs:simpleContent>
  </xs:complexType>
  <xs:element name="${b}" type="tns:${b}"/>`,
).join('\n');

export const SOAP11_ENCODING_XSD = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:tns="http://schemas.xmlsoap.org/soap/encoding/"
           targetNamespace="http://schemas.xmlsoap.org/soap/encoding/">
  <xs:annotation><xs:documentation>SOAP 1.1 encoding (volet built-in catalog).</xs:documentation></xs:annotation>
  <xs:attribute name="root">
    <xs:simpleType><xs:restriction base="xs:boolean"><xs:pattern value="0|1"/></xs:restriction></xs:simpleType>
  </xs:attribute>
  <xs:attributeGroup name="commonAttributes">
    <xs:attribute name="id" type="xs:ID"/>
    <xs:attribute name="href" type="xs:anyURI"/>
    <xs:anyAttribute namespace="##other" processContents="lax"/>
  </xs:attributeGroup>
  <xs:simpleType name="arrayCoordinate"><xs:restriction base="xs:string"/></xs:simpleType>
  <xs:attribute name="arrayType" type="xs:string"/>
  <xs:attribute name="offset" type="tns:arrayCoordinate"/>
  <xs:attributeGroup name="arrayAttributes">
    <xs:attribute ref="tns:arrayType"/>
    <xs:attribute ref="tns:offset"/>
  </xs:attributeGroup>
  <xs:attribute name="position" type="tns:arrayCoordinate"/>
  <xs:attributeGroup name="arrayMemberAttributes">
    <xs:attribute ref="tns:position"/>
  </xs:attributeGroup>
  <xs:group name="Array">
    <xs:sequence><xs:any namespace="##any" minOccurs="0" maxOccurs="unbounded" processContents="lax"/></xs:sequence>
  </xs:group>
  <xs:element name="Array" type="tns:Array"/>
  <xs:complexType name="Array">
    <xs:group ref="tns:Array" minOccurs="0"/>
    <xs:attributeGroup ref="tns:arrayAttributes"/>
    <xs:attributeGroup ref="tns:commonAttributes"/>
  </xs:complexType>
  <xs:element name="Struct" type="tns:Struct"/>
  <xs:group name="Struct">
    <xs:sequence><xs:any namespace="##any" minOccurs="0" maxOccurs="unbounded" processContents="lax"/></xs:sequence>
  </xs:group>
  <xs:complexType name="Struct">
    <xs:group ref="tns:Struct" minOccurs="0"/>
    <xs:attributeGroup ref="tns:commonAttributes"/>
  </xs:complexType>
  <xs:simpleType name="base64"><xs:restriction base="xs:base64Binary"/></xs:simpleType>
  <xs:element name="base64" type="tns:base64"/>
${perBuiltin}
</xs:schema>
`;
