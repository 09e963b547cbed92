/**
 * Hand-written descriptors for the part of ebXML RegRep 3.0 (rim.xsd, rs.xsd, query.xsd as in the
 * DMP package dmp-annexe-wsdl-schema/schema/ebRS/) that an ITI-18 AdhocQueryResponse carrying
 * documents reaches: ExtrinsicObject, Slot, Classification, ExternalIdentifier, Name,
 * Description, LocalizedString, plus the substitution group of Identifiable (subset of its
 * members: those an XDS.b registry returns). Written the way the generator will emit them.
 */
import { elementRef, type SchemaDescriptor } from '@volet/runtime';

const RIM = 1;
const RS = 2;
const QUERY = 3;
const XML = 4;

/** The ebRS 3.0 schema subset. */
export const ebrimSchema: SchemaDescriptor = {
  v: 1,
  ns: [
    '',
    'urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0',
    'urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0',
    'urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0',
    'http://www.w3.org/XML/1998/namespace',
  ],
  prefixes: ['', 'rim', 'rs', 'query', 'xml'],
  types: {
    referenceURI: { k: 's', ns: RIM, q: 'referenceURI', b: 'xs:anyURI' },
    String16: { k: 's', ns: RIM, q: 'String16', b: 'xs:string', f: { maxLength: 16 } },
    ShortName: { k: 's', ns: RIM, q: 'ShortName', b: 'xs:string', f: { maxLength: 64 } },
    LongName: { k: 's', ns: RIM, q: 'LongName', b: 'xs:string', f: { maxLength: 256 } },
    FreeFormText: { k: 's', ns: RIM, q: 'FreeFormText', b: 'xs:string', f: { maxLength: 1024 } },
    InternationalStringType: {
      k: 'c',
      ns: RIM,
      q: 'InternationalStringType',
      f: [{ r: 'LocalizedString', min: 0, max: -1 }],
    },
    LocalizedStringType: {
      k: 'c',
      ns: RIM,
      q: 'LocalizedStringType',
      a: [
        { n: 'lang', ns: XML, t: 'xs:language', d: 'en-US' },
        { n: 'charset', t: 'xs:anySimpleType', d: 'UTF-8' },
        { n: 'value', t: 'FreeFormText', req: 1 },
      ],
    },
    SlotType1: {
      k: 'c',
      ns: RIM,
      q: 'SlotType1',
      f: [{ r: 'ValueList' }],
      a: [
        { n: 'name', t: 'LongName', req: 1 },
        { n: 'slotType', t: 'referenceURI' },
      ],
    },
    ValueListType: { k: 'c', ns: RIM, q: 'ValueListType', f: [{ r: 'Value', min: 0, max: -1 }] },
    SlotListType: { k: 'c', ns: RIM, q: 'SlotListType', f: [{ r: 'Slot', min: 0, max: -1 }] },
    IdentifiableType: {
      k: 'c',
      ns: RIM,
      q: 'IdentifiableType',
      f: [{ r: 'Slot', min: 0, max: -1 }],
      a: [
        { n: 'id', t: 'xs:anyURI', req: 1 },
        { n: 'home', t: 'xs:anyURI' },
      ],
    },
    ObjectRefType: {
      k: 'c',
      ns: RIM,
      q: 'ObjectRefType',
      b: 'IdentifiableType',
      x: 'e',
      a: [{ n: 'createReplica', t: 'xs:boolean', d: 'false' }],
    },
    RegistryObjectType: {
      k: 'c',
      ns: RIM,
      q: 'RegistryObjectType',
      b: 'IdentifiableType',
      x: 'e',
      f: [
        { r: 'Name', min: 0 },
        { r: 'Description', min: 0 },
        { n: 'VersionInfo', t: 'VersionInfoType', min: 0 },
        { r: 'Classification', min: 0, max: -1 },
        { r: 'ExternalIdentifier', min: 0, max: -1 },
      ],
      a: [
        { n: 'lid', t: 'xs:anyURI' },
        { n: 'objectType', t: 'referenceURI' },
        { n: 'status', t: 'referenceURI' },
      ],
    },
    ClassificationType: {
      k: 'c',
      ns: RIM,
      q: 'ClassificationType',
      b: 'RegistryObjectType',
      x: 'e',
      a: [
        { n: 'classificationScheme', t: 'referenceURI' },
        { n: 'classifiedObject', t: 'referenceURI', req: 1 },
        { n: 'classificationNode', t: 'referenceURI' },
        { n: 'nodeRepresentation', t: 'LongName' },
      ],
    },
    ExternalIdentifierType: {
      k: 'c',
      ns: RIM,
      q: 'ExternalIdentifierType',
      b: 'RegistryObjectType',
      x: 'e',
      a: [
        { n: 'registryObject', t: 'referenceURI', req: 1 },
        { n: 'identificationScheme', t: 'referenceURI', req: 1 },
        { n: 'value', t: 'LongName', req: 1 },
      ],
    },
    ExtrinsicObjectType: {
      k: 'c',
      ns: RIM,
      q: 'ExtrinsicObjectType',
      b: 'RegistryObjectType',
      x: 'e',
      f: [{ n: 'ContentVersionInfo', t: 'VersionInfoType', min: 0 }],
      a: [
        { n: 'mimeType', t: 'LongName', d: 'application/octet-stream' },
        { n: 'isOpaque', t: 'xs:boolean', d: 'false' },
      ],
    },
    AssociationType1: {
      k: 'c',
      ns: RIM,
      q: 'AssociationType1',
      b: 'RegistryObjectType',
      x: 'e',
      a: [
        { n: 'associationType', t: 'referenceURI', req: 1 },
        { n: 'sourceObject', t: 'referenceURI', req: 1 },
        { n: 'targetObject', t: 'referenceURI', req: 1 },
      ],
    },
    RegistryPackageType: {
      k: 'c',
      ns: RIM,
      q: 'RegistryPackageType',
      b: 'RegistryObjectType',
      x: 'e',
      f: [{ r: 'RegistryObjectList', min: 0 }],
    },
    VersionInfoType: {
      k: 'c',
      ns: RIM,
      q: 'VersionInfoType',
      a: [
        { n: 'versionName', t: 'String16', d: '1.1' },
        { n: 'comment', t: 'xs:string' },
      ],
    },
    RegistryObjectListType: {
      k: 'c',
      ns: RIM,
      q: 'RegistryObjectListType',
      f: [
        {
          r: 'Identifiable',
          min: 0,
          max: -1,
          s: ['Association', 'Classification', 'ExternalIdentifier', 'ExtrinsicObject', 'Identifiable', 'ObjectRef', 'RegistryObject', 'RegistryPackage'],
        },
      ],
    },
    RegistryResponseType: {
      k: 'c',
      ns: RS,
      q: 'RegistryResponseType',
      f: [
        { n: 'ResponseSlotList', t: 'SlotListType', min: 0 },
        { r: 'RegistryErrorList', min: 0 },
      ],
      a: [
        { n: 'status', t: 'referenceURI', req: 1 },
        { n: 'requestId', t: 'xs:anyURI' },
      ],
    },
    RegistryErrorList: {
      k: 'c',
      ns: RS,
      f: [{ r: 'RegistryError', max: -1 }],
      a: [{ n: 'highestSeverity', t: 'referenceURI' }],
    },
    RegistryError: {
      k: 'c',
      ns: RS,
      b: 'xs:string',
      x: 'e',
      sc: 'xs:string',
      a: [
        { n: 'codeContext', t: 'xs:string', req: 1 },
        { n: 'errorCode', t: 'xs:string', req: 1 },
        { n: 'severity', t: 'referenceURI', d: 'urn:oasis:names:tc:ebxml-regrep:ErrorSeverityType:Error' },
        { n: 'location', t: 'xs:string' },
      ],
    },
    AdhocQueryResponse: {
      k: 'c',
      ns: QUERY,
      b: 'RegistryResponseType',
      x: 'e',
      f: [{ r: 'RegistryObjectList' }],
      a: [
        { n: 'startIndex', t: 'xs:integer', d: '0' },
        { n: 'totalResultCount', t: 'xs:integer' },
      ],
    },
  },
  elements: {
    Identifiable: { n: 'Identifiable', ns: RIM, t: 'IdentifiableType' },
    ObjectRef: { n: 'ObjectRef', ns: RIM, t: 'ObjectRefType' },
    RegistryObject: { n: 'RegistryObject', ns: RIM, t: 'RegistryObjectType' },
    Association: { n: 'Association', ns: RIM, t: 'AssociationType1' },
    Classification: { n: 'Classification', ns: RIM, t: 'ClassificationType' },
    ExternalIdentifier: { n: 'ExternalIdentifier', ns: RIM, t: 'ExternalIdentifierType' },
    ExtrinsicObject: { n: 'ExtrinsicObject', ns: RIM, t: 'ExtrinsicObjectType' },
    RegistryPackage: { n: 'RegistryPackage', ns: RIM, t: 'RegistryPackageType' },
    RegistryObjectList: { n: 'RegistryObjectList', ns: RIM, t: 'RegistryObjectListType' },
    Slot: { n: 'Slot', ns: RIM, t: 'SlotType1' },
    ValueList: { n: 'ValueList', ns: RIM, t: 'ValueListType' },
    Value: { n: 'Value', ns: RIM, t: 'LongName' },
    Name: { n: 'Name', ns: RIM, t: 'InternationalStringType' },
    Description: { n: 'Description', ns: RIM, t: 'InternationalStringType' },
    LocalizedString: { n: 'LocalizedString', ns: RIM, t: 'LocalizedStringType' },
    RegistryErrorList: { n: 'RegistryErrorList', ns: RS, t: 'RegistryErrorList' },
    RegistryError: { n: 'RegistryError', ns: RS, t: 'RegistryError' },
    AdhocQueryResponse: { n: 'AdhocQueryResponse', ns: QUERY, t: 'AdhocQueryResponse' },
  },
};

/** The ITI-18 response element query:AdhocQueryResponse. */
export const AdhocQueryResponse = elementRef<Record<string, unknown>>(ebrimSchema, 'AdhocQueryResponse');
