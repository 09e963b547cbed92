/**
 * OASIS Web Services Security 1.0 extension (`wsse:`): the Security header as open content and the
 * common token types, written for volet's built-in catalog from WSS: SOAP Message Security 1.0 and
 * the Username Token / X.509 Token profiles.
 */
export const WSS_SECEXT_XSD = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
           xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"
           targetNamespace="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
           elementFormDefault="qualified" attributeFormDefault="unqualified" blockDefault="#all">
  <xs:annotation><xs:documentation>WSS 1.0 secext (volet built-in catalog).</xs:documentation></xs:annotation>
  <xs:import namespace="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd"/>

  <xs:complexType name="AttributedString">
    <xs:simpleContent>
      <xs:extension base="xs:string">
        <xs:attribute ref="wsu:Id"/>
        <xs:anyAttribute namespace="##other" processContents="lax"/>
      </xs:extension>
    </xs:simpleContent>
  </xs:complexType>
  <xs:complexType name="PasswordString">
    <xs:simpleContent>
      <xs:extension base="wsse:AttributedString">
        <xs:attribute name="Type" type="xs:anyURI"/>
      </xs:extension>
    </xs:simpleContent>
  </xs:complexType>
  <xs:complexType name="EncodedString">
    <xs:simpleContent>
      <xs:extension base="wsse:AttributedString">
        <xs:attribute name="EncodingType" type="xs:anyURI"/>
      </xs:extension>
    </xs:simpleContent>
  </xs:complexType>

  <xs:complexType name="UsernameTokenType">
    <xs:sequence>
      <xs:element name="Username" type="wsse:AttributedString"/>
      <xs:any processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
    <xs:attribute ref="wsu:Id"/>
    <xs:anyAttribute namespace="##other" processContents="lax"/>
  </xs:complexType>

  <xs:complexType name="BinarySecurityTokenType">
    <xs:simpleContent>
      <xs:extension base="wsse:EncodedString">
        <xs:attribute name="ValueType" type="xs:anyURI"/>
      </xs:extension>
    </xs:simpleContent>
  </xs:complexType>
  <xs:complexType name="KeyIdentifierType">
    <xs:simpleContent>
      <xs:extension base="wsse:EncodedString">
        <xs:attribute name="ValueType" type="xs:anyURI"/>
      </xs:extension>
    </xs:simpleContent>
  </xs:complexType>

  <xs:simpleType name="tUsage">
    <xs:list itemType="xs:anyURI"/>
  </xs:simpleType>
  <xs:attribute name="Usage" type="wsse:tUsage"/>

  <xs:complexType name="ReferenceType">
    <xs:attribute name="URI" type="xs:anyURI"/>
    <xs:attribute name="ValueType" type="xs:anyURI"/>
    <xs:anyAttribute namespace="##other" processContents="lax"/>
  </xs:complexType>
  <xs:complexType name="EmbeddedType">
    <xs:choice minOccurs="0" maxOccurs="unbounded">
      <xs:any processContents="lax"/>
    </xs:choice>
    <xs:attribute name="ValueType" type="xs:anyURI"/>
    <xs:anyAttribute namespace="##other" processContents="lax"/>
  </xs:complexType>
  <xs:complexType name="SecurityTokenReferenceType">
    <xs:choice minOccurs="0" maxOccurs="unbounded">
      <xs:any processContents="lax"/>
    </xs:choice>
    <xs:attribute ref="wsu:Id"/>
    <xs:attribute ref="wsse:Usage"/>
    <xs:anyAttribute namespace="##other" processContents="lax"/>
  </xs:complexType>

  <xs:complexType name="SecurityHeaderType">
    <xs:annotation><xs:documentation>The wsse:Security header block: open content (tokens, timestamps, signatures) in any order.</xs:documentation></xs:annotation>
    <xs:sequence>
      <xs:any processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
    <xs:anyAttribute namespace="##other" processContents="lax"/>
  </xs:complexType>
  <xs:complexType name="TransformationParametersType">
    <xs:choice minOccurs="0" maxOccurs="unbounded">
      <xs:any processContents="lax"/>
    </xs:choice>
    <xs:anyAttribute namespace="##other" processContents="lax"/>
  </xs:complexType>

  <xs:element name="UsernameToken" type="wsse:UsernameTokenType"/>
  <xs:element name="BinarySecurityToken" type="wsse:BinarySecurityTokenType"/>
  <xs:element name="Reference" type="wsse:ReferenceType"/>
  <xs:element name="Embedded" type="wsse:EmbeddedType"/>
  <xs:element name="KeyIdentifier" type="wsse:KeyIdentifierType"/>
  <xs:element name="SecurityTokenReference" type="wsse:SecurityTokenReferenceType"/>
  <xs:element name="Security" type="wsse:SecurityHeaderType">
    <xs:annotation><xs:documentation>Security-related information for a targeted recipient.</xs:documentation></xs:annotation>
  </xs:element>
  <xs:element name="TransformationParameters" type="wsse:TransformationParametersType"/>
  <xs:element name="Password" type="wsse:PasswordString"/>
  <xs:element name="Nonce" type="wsse:EncodedString"/>

  <xs:simpleType name="FaultcodeEnum">
    <xs:restriction base="xs:QName">
      <xs:enumeration value="wsse:UnsupportedSecurityToken"/>
      <xs:enumeration value="wsse:UnsupportedAlgorithm"/>
      <xs:enumeration value="wsse:InvalidSecurity"/>
      <xs:enumeration value="wsse:InvalidSecurityToken"/>
      <xs:enumeration value="wsse:FailedAuthentication"/>
      <xs:enumeration value="wsse:FailedCheck"/>
      <xs:enumeration value="wsse:SecurityTokenUnavailable"/>
    </xs:restriction>
  </xs:simpleType>
</xs:schema>
`;
