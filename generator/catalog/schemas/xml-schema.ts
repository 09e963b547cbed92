/** Global elements of XSD 1.0 Part 1 (structures), Appendix A. */
const STRUCTURES = [
  'schema',
  'annotation',
  'appinfo',
  'documentation',
  'include',
  'import',
  'redefine',
  'notation',
  'element',
  'attribute',
  'complexType',
  'group',
  'attributeGroup',
  'all',
  'choice',
  'sequence',
  'any',
  'anyAttribute',
  'complexContent',
  'simpleContent',
  'unique',
  'key',
  'keyref',
  'selector',
  'field',
];
/** Global elements of XSD 1.0 Part 2 (datatypes), Appendix A. */
const DATATYPES = [
  'simpleType',
  'restriction',
  'list',
  'union',
  'minExclusive',
  'minInclusive',
  'maxExclusive',
  'maxInclusive',
  'totalDigits',
  'fractionDigits',
  'length',
  'minLength',
  'maxLength',
  'enumeration',
  'whiteSpace',
  'pattern',
];

/**
 * The schema for schemas (XML Schema 1.0 Part 1, Appendix A, and Part 2, Appendix A), written for
 * volet's built-in catalog: its global elements (`xs:schema`, `xs:element`, `xs:annotation`…), so
 * that a schema importing the XML Schema namespace and referring to them (a .NET DataSet's
 * `<s:element ref="s:schema"/>`, a schema embedded in a message) resolves without the network.
 * Each element's content is kept as XML (`xs:anyType`): a schema document inside a message is data
 * to carry as written, and volet knows the namespace's types (`xs:string`…, `xs:anyType`) as
 * built-ins, so the structures' named types (`openAttrs`, `annotated`, `localElement`…) are not
 * declared here.
 */
export const XML_SCHEMA_XSD = `<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
           targetNamespace="http://www.w3.org/2001/XMLSchema"
           elementFormDefault="qualified" xml:lang="en">
  <xs:annotation><xs:documentation>The schema for schemas: global elements of XML Schema 1.0 structures and datatypes, content kept as XML (volet built-in catalog).</xs:documentation></xs:annotation>
${[...STRUCTURES, ...DATATYPES].map((name) => `  <xs:element name="${name}" type="xs:anyType"/>`).join('\n')}
</xs:schema>
`;
