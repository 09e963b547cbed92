/**
 * XML Encryption core (W3C Recommendation "XML Encryption Syntax and Processing", 2002, §3), written
 * for volet's built-in catalog from the specification's schema definitions.
 */
export const XMLENC_XSD = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:xenc="http://www.w3.org/2001/04/xmlenc#"
           xmlns:ds="http://www.w3.org/2000/09/xmldsig#"
           targetNamespace="http://www.w3.org/2001/04/xmlenc#"
           elementFormDefault="qualified">
  <xs:annotation><xs:documentation>XML Encryption core (volet built-in catalog).</xs:documentation></xs:annotation>
  <xs:import namespace="http://www.w3.org/2000/09/xmldsig#"/>

  <xs:complexType name="EncryptedType" abstract="true">
    <xs:sequence>
      <xs:element name="EncryptionMethod" type="xenc:EncryptionMethodType" minOccurs="0"/>
      <xs:element ref="ds:KeyInfo" minOccurs="0"/>
      <xs:element ref="xenc:CipherData"/>
      <xs:element ref="xenc:EncryptionProperties" minOccurs="0"/>
    </xs:sequence>
    <xs:attribute name="Id" type="xs:ID" use="optional"/>
    <xs:attribute name="Type" type="xs:anyURI" use="optional"/>
    <xs:attribute name="MimeType" type="xs:string" use="optional"/>
    <xs:attribute name="Encoding" type="xs:anyURI" use="optional"/>
  </xs:complexType>

  <xs:complexType name="EncryptionMethodType" mixed="true">
    <xs:sequence>
      <xs:element name="KeySize" minOccurs="0" type="xenc:KeySizeType"/>
      <xs:element name="OAEPparams" minOccurs="0" type="xs:base64Binary"/>
      <xs:any namespace="##other" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
    <xs:attribute name="Algorithm" type="xs:anyURI" use="required"/>
  </xs:complexType>
  <xs:simpleType name="KeySizeType">
    <xs:restriction base="xs:integer"/>
  </xs:simpleType>

  <xs:element name="CipherData" type="xenc:CipherDataType"/>
  <xs:complexType name="CipherDataType">
    <xs:choice>
      <xs:element name="CipherValue" type="xs:base64Binary"/>
      <xs:element ref="xenc:CipherReference"/>
    </xs:choice>
  </xs:complexType>

  <xs:element name="CipherReference" type="xenc:CipherReferenceType"/>
  <xs:complexType name="CipherReferenceType">
    <xs:choice>
      <xs:element name="Transforms" type="xenc:TransformsType" minOccurs="0"/>
    </xs:choice>
    <xs:attribute name="URI" type="xs:anyURI" use="required"/>
  </xs:complexType>
  <xs:complexType name="TransformsType">
    <xs:sequence>
      <xs:element ref="ds:Transform" maxOccurs="unbounded"/>
    </xs:sequence>
  </xs:complexType>

  <xs:element name="EncryptedData" type="xenc:EncryptedDataType"/>
  <xs:complexType name="EncryptedDataType">
    <xs:complexContent>
      <xs:extension base="xenc:EncryptedType"/>
    </xs:complexContent>
  </xs:complexType>

  <xs:element name="EncryptedKey" type="xenc:EncryptedKeyType"/>
  <xs:complexType name="EncryptedKeyType">
    <xs:complexContent>
      <xs:extension base="xenc:EncryptedType">
        <xs:sequence>
          <xs:element ref="xenc:ReferenceList" minOccurs="0"/>
          <xs:element name="CarriedKeyName" type="xs:string" minOccurs="0"/>
        </xs:sequence>
        <xs:attribute name="Recipient" type="xs:string" use="optional"/>
      </xs:extension>
    </xs:complexContent>
  </xs:complexType>

  <xs:element name="AgreementMethod" type="xenc:AgreementMethodType"/>
  <xs:complexType name="AgreementMethodType" mixed="true">
    <xs:sequence>
      <xs:element name="KA-Nonce" minOccurs="0" type="xs:base64Binary"/>
      <xs:any namespace="##other" minOccurs="0" maxOccurs="unbounded"/>
      <xs:element name="OriginatorKeyInfo" minOccurs="0" type="ds:KeyInfoType"/>
      <xs:element name="RecipientKeyInfo" minOccurs="0" type="ds:KeyInfoType"/>
    </xs:sequence>
    <xs:attribute name="Algorithm" type="xs:anyURI" use="required"/>
  </xs:complexType>

  <xs:element name="ReferenceList">
    <xs:complexType>
      <xs:choice minOccurs="1" maxOccurs="unbounded">
        <xs:element name="DataReference" type="xenc:ReferenceType"/>
        <xs:element name="KeyReference" type="xenc:ReferenceType"/>
      </xs:choice>
    </xs:complexType>
  </xs:element>
  <xs:complexType name="ReferenceType">
    <xs:sequence>
      <xs:any namespace="##other" minOccurs="0" maxOccurs="unbounded"/>
    </xs:sequence>
    <xs:attribute name="URI" type="xs:anyURI" use="required"/>
  </xs:complexType>

  <xs:element name="EncryptionProperties" type="xenc:EncryptionPropertiesType"/>
  <xs:complexType name="EncryptionPropertiesType">
    <xs:sequence>
      <xs:element ref="xenc:EncryptionProperty" maxOccurs="unbounded"/>
    </xs:sequence>
    <xs:attribute name="Id" type="xs:ID" use="optional"/>
  </xs:complexType>
  <xs:element name="EncryptionProperty" type="xenc:EncryptionPropertyType"/>
  <xs:complexType name="EncryptionPropertyType" mixed="true">
    <xs:choice maxOccurs="unbounded">
      <xs:any namespace="##other" processContents="lax"/>
    </xs:choice>
    <xs:attribute name="Target" type="xs:anyURI" use="optional"/>
    <xs:attribute name="Id" type="xs:ID" use="optional"/>
    <xs:anyAttribute namespace="http://www.w3.org/XML/1998/namespace"/>
  </xs:complexType>
</xs:schema>
`;
