/**
 * Schemas for the mapping tests: one small schema per XSD → TypeScript rule, each wrapped in a
 * one-operation WSDL (element `Root` in and out) by the test.
 */

/** Schema bodies by fixture name (inside an `xs:schema` of namespace `urn:volet:test:emit`, prefix `tns`). */
export const MAPPING_SCHEMAS: Readonly<Record<string, string>> = {
  occurrences: `
      <xs:element name="Root">
        <xs:annotation><xs:documentation>The root.  It ends */ here @not-a-tag.</xs:documentation></xs:annotation>
        <xs:complexType>
          <xs:sequence>
            <xs:element name="required" type="xs:string">
              <xs:annotation><xs:documentation>A required string.</xs:documentation></xs:annotation>
            </xs:element>
            <xs:element name="optional" type="xs:string" minOccurs="0"/>
            <xs:element name="many" type="xs:int" minOccurs="0" maxOccurs="unbounded"/>
            <xs:element name="atLeastTwo" type="xs:string" minOccurs="2" maxOccurs="5"/>
            <xs:element name="nothing" type="xs:string" nillable="true"/>
            <xs:element name="nilMany" type="xs:string" nillable="true" maxOccurs="unbounded"/>
          </xs:sequence>
        </xs:complexType>
      </xs:element>`,

  extension: `
      <xs:complexType name="Base">
        <xs:sequence><xs:element name="id" type="xs:string"/></xs:sequence>
        <xs:attribute name="version" type="xs:string"/>
      </xs:complexType>
      <xs:complexType name="Derived">
        <xs:complexContent>
          <xs:extension base="tns:Base">
            <xs:sequence><xs:element name="extra" type="xs:boolean"/></xs:sequence>
          </xs:extension>
        </xs:complexContent>
      </xs:complexType>
      <xs:complexType name="Restricted">
        <xs:complexContent>
          <xs:restriction base="tns:Base">
            <xs:sequence><xs:element name="id" type="xs:string"/></xs:sequence>
          </xs:restriction>
        </xs:complexContent>
      </xs:complexType>
      <xs:element name="Root">
        <xs:complexType><xs:sequence><xs:element name="item" type="tns:Derived"/></xs:sequence></xs:complexType>
      </xs:element>`,

  polymorphism: `
      <xs:complexType name="Shape" abstract="true">
        <xs:sequence><xs:element name="label" type="xs:string" minOccurs="0"/></xs:sequence>
      </xs:complexType>
      <xs:complexType name="Circle">
        <xs:complexContent><xs:extension base="tns:Shape">
          <xs:sequence><xs:element name="radius" type="xs:double"/></xs:sequence>
        </xs:extension></xs:complexContent>
      </xs:complexType>
      <xs:complexType name="Square">
        <xs:complexContent><xs:extension base="tns:Shape">
          <xs:sequence><xs:element name="side" type="xs:double"/></xs:sequence>
        </xs:extension></xs:complexContent>
      </xs:complexType>
      <xs:complexType name="Animal">
        <xs:sequence><xs:element name="name" type="xs:string"/></xs:sequence>
      </xs:complexType>
      <xs:complexType name="Dog">
        <xs:complexContent><xs:extension base="tns:Animal">
          <xs:sequence><xs:element name="breed" type="xs:string"/></xs:sequence>
        </xs:extension></xs:complexContent>
      </xs:complexType>
      <xs:element name="Root">
        <xs:complexType><xs:sequence>
          <xs:element name="shape" type="tns:Shape" maxOccurs="unbounded"/>
          <xs:element name="pet" type="tns:Animal"/>
        </xs:sequence></xs:complexType>
      </xs:element>`,

  choice: `
      <xs:element name="Root">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="common" type="xs:string"/>
            <xs:choice>
              <xs:element name="byName" type="xs:string"/>
              <xs:sequence>
                <xs:element name="byNumber" type="xs:int"/>
                <xs:element name="checkDigit" type="xs:int" minOccurs="0"/>
              </xs:sequence>
            </xs:choice>
            <xs:choice minOccurs="0">
              <xs:element name="left" type="xs:string"/>
              <xs:element name="right" type="xs:string"/>
            </xs:choice>
          </xs:sequence>
        </xs:complexType>
      </xs:element>`,

  repeatingChoice: `
      <xs:element name="Root">
        <xs:complexType>
          <xs:choice minOccurs="0" maxOccurs="unbounded">
            <xs:element name="text" type="xs:string"/>
            <xs:element name="number" type="xs:int"/>
            <xs:any namespace="##other" processContents="lax"/>
          </xs:choice>
        </xs:complexType>
      </xs:element>`,

  mixed: `
      <xs:element name="Root">
        <xs:complexType mixed="true">
          <xs:sequence>
            <xs:element name="b" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
            <xs:element name="i" type="xs:string" minOccurs="0" maxOccurs="unbounded"/>
          </xs:sequence>
          <xs:attribute name="lang" type="xs:language"/>
        </xs:complexType>
      </xs:element>`,

  substitution: `
      <xs:element name="Vehicle" type="tns:VehicleType" abstract="true"/>
      <xs:element name="Car" type="tns:CarType" substitutionGroup="tns:Vehicle"/>
      <xs:element name="Bike" type="tns:VehicleType" substitutionGroup="tns:Vehicle"/>
      <xs:complexType name="VehicleType"><xs:sequence><xs:element name="wheels" type="xs:int"/></xs:sequence></xs:complexType>
      <xs:complexType name="CarType">
        <xs:complexContent><xs:extension base="tns:VehicleType">
          <xs:sequence><xs:element name="doors" type="xs:int"/></xs:sequence>
        </xs:extension></xs:complexContent>
      </xs:complexType>
      <xs:element name="Root">
        <xs:complexType><xs:sequence><xs:element ref="tns:Vehicle" maxOccurs="unbounded"/></xs:sequence></xs:complexType>
      </xs:element>`,

  enumerations: `
      <xs:simpleType name="Status">
        <xs:annotation><xs:documentation>A status.</xs:documentation></xs:annotation>
        <xs:restriction base="xs:string">
          <xs:enumeration value="active"><xs:annotation><xs:documentation>In use.</xs:documentation></xs:annotation></xs:enumeration>
          <xs:enumeration value="retired"/>
          <xs:enumeration value="it's"/>
        </xs:restriction>
      </xs:simpleType>
      <xs:simpleType name="Level">
        <xs:restriction base="xs:int"><xs:enumeration value="1"/><xs:enumeration value="2"/><xs:enumeration value="3"/></xs:restriction>
      </xs:simpleType>
      <xs:simpleType name="Flag">
        <xs:restriction base="xs:boolean"><xs:enumeration value="true"/></xs:restriction>
      </xs:simpleType>
      <xs:simpleType name="BigCode">
        <xs:restriction base="xs:integer"><xs:enumeration value="10000000000000000001"/><xs:enumeration value="7"/></xs:restriction>
      </xs:simpleType>
      <xs:element name="Root">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="status" type="tns:Status"/>
            <xs:element name="level" type="tns:Level"/>
            <xs:element name="flag" type="tns:Flag"/>
            <xs:element name="code" type="tns:BigCode"/>
            <xs:element name="color">
              <xs:simpleType><xs:restriction base="xs:token"><xs:enumeration value="red"/><xs:enumeration value="blue"/></xs:restriction></xs:simpleType>
            </xs:element>
          </xs:sequence>
        </xs:complexType>
      </xs:element>`,

  builtins: `
      <xs:element name="Root">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="integer" type="xs:integer"/>
            <xs:element name="long" type="xs:long"/>
            <xs:element name="decimal" type="xs:decimal"/>
            <xs:element name="int" type="xs:int"/>
            <xs:element name="double" type="xs:double"/>
            <xs:element name="bool" type="xs:boolean"/>
            <xs:element name="date" type="xs:date"/>
            <xs:element name="dateTime" type="xs:dateTime"/>
            <xs:element name="data" type="xs:base64Binary"/>
            <xs:element name="hex" type="xs:hexBinary"/>
            <xs:element name="qname" type="xs:QName"/>
            <xs:element name="tokens" type="xs:NMTOKENS"/>
            <xs:element name="anything" type="xs:anyType"/>
            <xs:element name="numbers" type="tns:Numbers"/>
            <xs:element name="either" type="tns:IntOrDate"/>
          </xs:sequence>
        </xs:complexType>
      </xs:element>
      <xs:simpleType name="Numbers"><xs:list itemType="xs:int"/></xs:simpleType>
      <xs:simpleType name="IntOrDate"><xs:union memberTypes="xs:int xs:date"/></xs:simpleType>`,

  wildcards: `
      <xs:element name="Root">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="known" type="xs:string"/>
            <xs:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/>
          </xs:sequence>
          <xs:anyAttribute namespace="##any" processContents="skip"/>
        </xs:complexType>
      </xs:element>`,

  names: `
      <xs:element name="Root">
        <xs:complexType>
          <xs:sequence>
            <xs:element name="id" type="xs:string"/>
            <xs:element name="first-name" type="xs:string"/>
            <xs:element name="default" type="xs:string"/>
            <xs:element name="class" type="xs:string"/>
            <xs:element name="__proto__" type="xs:string" minOccurs="0"/>
            <xs:element ref="tns:id" minOccurs="0"/>
          </xs:sequence>
          <xs:attribute name="id" type="xs:string"/>
          <xs:attribute name="first-name" type="xs:string"/>
        </xs:complexType>
      </xs:element>
      <xs:element name="id" type="xs:int"/>
      <xs:complexType name="RootValues"><xs:sequence><xs:element name="x" type="xs:string"/></xs:sequence></xs:complexType>
      <xs:simpleType name="Kind"><xs:restriction base="xs:string"><xs:enumeration value="a"/></xs:restriction></xs:simpleType>
      <xs:complexType name="KindValues"><xs:sequence><xs:element name="k" type="tns:Kind"/></xs:sequence></xs:complexType>
      <xs:element name="Other" type="tns:KindValues"/>`,

  simpleContent: `
      <xs:complexType name="Amount">
        <xs:simpleContent>
          <xs:extension base="xs:decimal"><xs:attribute name="currency" type="xs:string" use="required"/></xs:extension>
        </xs:simpleContent>
      </xs:complexType>
      <xs:complexType name="TaggedAmount">
        <xs:simpleContent>
          <xs:extension base="tns:Amount"><xs:attribute name="tag" type="xs:string"/></xs:extension>
        </xs:simpleContent>
      </xs:complexType>
      <xs:element name="Root">
        <xs:complexType><xs:sequence><xs:element name="total" type="tns:TaggedAmount"/></xs:sequence></xs:complexType>
      </xs:element>`,
};
