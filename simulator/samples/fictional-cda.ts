/**
 * A small, FICTIONAL CDA R2 document (an unstructured-body report) about one of the simulator's
 * test identities: what the demo uploads to the simulated DMP. Nothing in it is real.
 */
import { escapeXml } from '@volet/runtime/xml';
import type { SimulatedIdentity } from '../insi/population.js';

/** What the document says. */
export interface FictionalCdaInput {
  readonly patient: SimulatedIdentity;
  /** The document's unique id (an OID), also its XDS uniqueId. */
  readonly uniqueId: string;
  /** `effectiveTime`, `YYYYMMDDHHMMSS`. */
  readonly effectiveTime: string;
  readonly title?: string;
}

/** Text and attribute values: the runtime's escaping (attribute mode also covers text). */
const esc = (text: string): string => escapeXml(text, true);

/**
 * The document as UTF-8 bytes.
 * @param input - patient, unique id, time, title
 */
export function fictionalCda(input: FictionalCdaInput): Uint8Array {
  const p = input.patient;
  const title = esc(input.title ?? 'Compte rendu de consultation (document de démonstration)');
  const [root, extension] = splitUniqueId(input.uniqueId);
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
  <realmCode code="FR"/>
  <typeId root="2.16.840.1.113883.1.3" extension="POCD_HD000040"/>
  <templateId root="1.2.250.1.213.1.1.1.1"/>
  <id root="${esc(root)}"${extension === undefined ? '' : ` extension="${esc(extension)}"`}/>
  <code code="11488-4" codeSystem="2.16.840.1.113883.6.1" displayName="Note de consultation"/>
  <title>${title}</title>
  <effectiveTime value="${esc(input.effectiveTime)}"/>
  <confidentialityCode code="N" codeSystem="2.16.840.1.113883.5.25"/>
  <languageCode code="fr-FR"/>
  <recordTarget>
    <patientRole>
      <id root="${esc(p.ins.oid)}" extension="${esc(p.ins.number + p.ins.key)}"/>
      <patient>
        <name><family qualifier="BR">${esc(p.birthName)}</family><given>${esc(p.firstNames.join(' '))}</given></name>
        <administrativeGenderCode code="${p.sex}" codeSystem="2.16.840.1.113883.5.1"/>
        <birthTime value="${esc(p.birthDate.replace(/-/g, ''))}"/>
      </patient>
    </patientRole>
  </recordTarget>
  <author>
    <time value="${esc(input.effectiveTime)}"/>
    <assignedAuthor>
      <id root="1.2.250.1.71.4.2.1" extension="899700000001"/>
      <assignedPerson><name><family>DOC</family><given>TEST</given></name></assignedPerson>
    </assignedAuthor>
  </author>
  <custodian><assignedCustodian><representedCustodianOrganization>
    <id root="1.2.250.1.71.4.2.2" extension="VOLET-TEST-0001"/><name>VOLET ETABLISSEMENT TEST</name>
  </representedCustodianOrganization></assignedCustodian></custodian>
  <component>
    <nonXMLBody><text mediaType="text/plain">Document de démonstration du simulateur volet : aucune donnée réelle.</text></nonXMLBody>
  </component>
</ClinicalDocument>
`;
  return new TextEncoder().encode(xml);
}

function splitUniqueId(id: string): [string, string | undefined] {
  const caret = id.indexOf('^');
  return caret < 0 ? [id, undefined] : [id.slice(0, caret), id.slice(caret + 1)];
}
