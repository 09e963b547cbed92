/**
 * Issue must-hold 1: the DMP package, the IPF IHE WSDLs and the INSi WSDL build with no error
 * diagnostic, and every operation has the WS-Addressing actions of the domain tables
 * (domain-cisis-dmp.md §4, domain-tlsi-insi.md §4), explicit or computed by the default pattern.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { buildModel } from '../../generator/pipeline.js';
import { DocumentCache } from '../../generator/load/load.js';
import { formatDiagnostic } from '../../generator/model/diagnostics.js';
import type { ActionSource, Model } from '../../generator/model/model.js';
import { corpus, corpusSkipReason } from '../support/paths.js';

/** Expected [request action, response action, source] per operation, by WSDL file. */
type Expected = Record<string, Record<string, [string, string | null, ActionSource]>>;

const DMP: Expected = {
  'XDS.b_DocumentRegistry.wsdl': {
    DocumentRegistry_UpdateDocumentSet: ['urn:ihe:iti:2010:UpdateDocumentSet', 'urn:ihe:iti:2010:UpdateDocumentSet-Response', 'explicit'],
    DocumentRegistry_RegistryStoredQuery: ['urn:ihe:iti:2007:RegistryStoredQuery', 'urn:ihe:iti:2007:RegistryStoredQueryResponse', 'explicit'],
  },
  'XDS.b_DocumentRepository.wsdl': {
    DocumentRepository_RetrieveDocumentSet: ['urn:ihe:iti:2007:RetrieveDocumentSet', 'urn:ihe:iti:2007:RetrieveDocumentSetResponse', 'explicit'],
    'DocumentRepository_ProvideAndRegisterDocumentSet-b': [
      'urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b',
      'urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-bResponse',
      'explicit',
    ],
  },
  'GestionDossierPatientPartage.wsdl': {
    PatientRevise_PRPA_IN201314UV02: ['urn:hl7-org:v3:PRPA_IN201314UV02', 'urn:hl7-org:v3:PRPA_IN201314ResponseUV02', 'explicit'],
    PatientAdd_PRPA_IN201311UV02: ['urn:hl7-org:v3:PRPA_IN201311UV02', 'urn:hl7-org:v3:PRPA_IN201311ResponseUV02', 'explicit'],
    PatientGetDemographics_PRPA_IN201307UV02: ['urn:hl7-org:v3:PRPA_IN201307UV02', 'urn:hl7-org:v3:PRPA_IN201308UV02', 'explicit'],
  },
  'PDQSupplier.wsdl': {
    findCandidatesQuery: ['urn:hl7-org:v3:PRPA_IN201305UV02', 'urn:hl7-org:v3:PRPA_IN201306UV02', 'explicit'],
  },
  // No Action attribute: the default pattern (TD0.3 example: …:HabilitationsEndPoint:setAuthorization).
  'Habilitations.wsdl': {
    listAuthorizationByPatient: [
      'urn:si-dmp-habilitations:HabilitationsEndPoint:listAuthorizationByPatient',
      'urn:si-dmp-habilitations:HabilitationsEndPoint:listAuthorizationByPatientResponse',
      'default',
    ],
    setAuthorization: [
      'urn:si-dmp-habilitations:HabilitationsEndPoint:setAuthorization',
      'urn:si-dmp-habilitations:HabilitationsEndPoint:setAuthorizationResponse',
      'default',
    ],
  },
  'PatientsSpecific.wsdl': {
    patientList: ['urn:si-dmp-patients:PatientSpecificEndPoint:patientList', 'urn:si-dmp-patients:PatientSpecificEndPoint:patientListResponse', 'default'],
  },
  'patientCertif.wsdl': {
    identityCertification: [
      'urn:si-dmp-patients:PatientCertificationEndPoint:identityCertification',
      'urn:si-dmp-patients:PatientCertificationEndPoint:identityCertificationResponse',
      'default',
    ],
  },
};

const IPF: Expected = {
  'iti18.wsdl': { DocumentRegistry_RegistryStoredQuery: ['urn:ihe:iti:2007:RegistryStoredQuery', 'urn:ihe:iti:2007:RegistryStoredQueryResponse', 'explicit'] },
  'iti38.wsdl': { RespondingGateway_CrossGatewayQuery: ['urn:ihe:iti:2007:CrossGatewayQuery', 'urn:ihe:iti:2007:CrossGatewayQueryResponse', 'explicit'] },
  'iti38-asyncresponse.wsdl': { InitiatingGateway_Async_CrossGatewayQuery: ['urn:ihe:iti:2007:CrossGatewayQueryResponse', null, 'explicit'] },
  'iti39.wsdl': {
    RespondingGateway_CrossGatewayRetrieve: ['urn:ihe:iti:2007:CrossGatewayRetrieve', 'urn:ihe:iti:2007:CrossGatewayRetrieveResponse', 'explicit'],
  },
  'iti39-asyncresponse.wsdl': { InitiatingGateway_Async_CrossGatewayRetrieve: ['urn:ihe:iti:2007:CrossGatewayRetrieveResponse', null, 'explicit'] },
  'iti41.wsdl': {
    'DocumentRepository_ProvideAndRegisterDocumentSet-b': [
      'urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b',
      'urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-bResponse',
      'explicit',
    ],
  },
  'iti41-asyncresponse.wsdl': {
    'DocumentSource_Async_ProvideAndRegisterDocumentSet-b': ['urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-bResponse', null, 'explicit'],
  },
  'iti42.wsdl': {
    'DocumentRegistry_RegisterDocumentSet-b': ['urn:ihe:iti:2007:RegisterDocumentSet-b', 'urn:ihe:iti:2007:RegisterDocumentSet-bResponse', 'explicit'],
  },
  'iti43.wsdl': {
    DocumentRepository_RetrieveDocumentSet: ['urn:ihe:iti:2007:RetrieveDocumentSet', 'urn:ihe:iti:2007:RetrieveDocumentSetResponse', 'explicit'],
  },
  'iti51.wsdl': {
    DocumentRegistry_MultiPatientStoredQuery: ['urn:ihe:iti:2009:MultiPatientStoredQuery', 'urn:ihe:iti:2009:MultiPatientStoredQueryResponse', 'explicit'],
  },
  // IPF/IHE spelling of the ITI-57 response, unlike the DMP's "UpdateDocumentSet-Response".
  'iti57.wsdl': { DocumentRegistry_UpdateDocumentSet: ['urn:ihe:iti:2010:UpdateDocumentSet', 'urn:ihe:iti:2010:UpdateDocumentSetResponse', 'explicit'] },
  'iti61.wsdl': {
    DocumentRegistry_RegisterOnDemandDocumentEntry: [
      'urn:ihe:iti:2010:RegisterOnDemandDocumentEntry',
      'urn:ihe:iti:2010:RegisterOnDemandDocumentResponse',
      'explicit',
    ],
  },
  'iti62.wsdl': { DocumentRegistry_DeleteDocumentSet: ['urn:ihe:iti:2010:DeleteDocumentSet', 'urn:ihe:iti:2010:DeleteDocumentSetResponse', 'explicit'] },
  'iti63.wsdl': { RespondingGateway_CrossGatewayFetch: ['urn:ihe:iti:2011:CrossGatewayFetch', 'urn:ihe:iti:2011:CrossGatewayFetchResponse', 'explicit'] },
  'iti63-asyncresponse.wsdl': { InitiatingGateway_Async_CrossGatewayFetch: ['urn:ihe:iti:2011:CrossGatewayFetchResponse', null, 'explicit'] },
  'iti80.wsdl': {
    RespondingGateway_CrossGatewayDocumentProvide: [
      'urn:ihe:iti:2015:CrossGatewayDocumentProvide',
      'urn:ihe:iti:2015:CrossGatewayDocumentProvideResponse',
      'explicit',
    ],
  },
  'iti86.wsdl': { DocumentRepository_RemoveDocuments: ['urn:ihe:iti:2017:RemoveDocuments', 'urn:ihe:iti:2017:RemoveDocumentsResponse', 'explicit'] },
  // wsaw prefix bound to the 2007/05 metadata namespace.
  'iti92.wsdl': {
    UpdateResponder_RestrictedUpdateDocumentSet: [
      'urn:ihe:iti:2018:RestrictedUpdateDocumentSet',
      'urn:ihe:iti:2018:RestrictedUpdateDocumentSetResponse',
      'explicit',
    ],
  },
  'pharm1.wsdl': {
    CommunityPharmacyManager_QueryPharmacyDocuments: [
      'urn:ihe:pharm:cmpd:2010:QueryPharmacyDocuments',
      'urn:ihe:pharm:cmpd:2010:QueryPharmacyDocumentsResponse',
      'explicit',
    ],
  },
  'rad69.wsdl': {
    DocumentRepository_RetrieveImagingDocumentSet: ['urn:ihe:rad:2009:RetrieveImagingDocumentSet', 'urn:ihe:iti:2007:RetrieveDocumentSetResponse', 'explicit'],
  },
  'rad75.wsdl': {
    RespondingGateway_CrossGatewayRetrieveImagingDocumentSet: [
      'urn:ihe:rad:2011:CrossGatewayRetrieveImagingDocumentSet',
      'urn:ihe:rad:2011:CrossGatewayRetrieveImagingDocumentSetResponse',
      'explicit',
    ],
  },
  'rad75-asyncresponse.wsdl': {
    InitiatingGateway_Async_CrossGatewayRetrieveImagingDocumentSet: ['urn:ihe:rad:2011:CrossGatewayRetrieveImagingDocumentSetResponse', null, 'explicit'],
  },
};

const INSI: Expected = {
  'DESIR_ICIR_EXP_1.5.0.wsdl': {
    rechercherInsAvecCarteVitale: [
      'urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecCarteVitale',
      'urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecCarteVitaleResponse',
      'explicit',
    ],
    rechercherInsAvecTraitsIdentite: [
      'urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentite',
      'urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentiteResponse',
      'explicit',
    ],
  },
};

const cache = new DocumentCache();

function build(file: string): Model {
  return buildModel([file], { cache });
}

function assertNoErrors(model: Model): void {
  const errors = model.diagnostics.filter((d) => d.severity === 'error');
  assert.deepEqual(errors.map(formatDiagnostic), []);
}

/** Every operation of every port, with its actions, against the expected table (no operation more, none less). */
function assertActions(model: Model, expected: Record<string, [string, string | null, ActionSource]>): void {
  const seen = new Set<string>();
  for (const service of model.services) {
    assert.ok(service.ports.length > 0, `service ${service.name} has no SOAP port`);
    for (const port of service.ports) {
      for (const op of port.operations) {
        const want = expected[op.name];
        assert.ok(want !== undefined, `unexpected operation ${op.name}`);
        const [input, output, source] = want;
        assert.equal(op.inputAction, input, `${op.name} request action`);
        assert.equal(op.outputAction, output, `${op.name} response action`);
        assert.deepEqual(op.actionSource, { input: source, output: output === null ? 'none' : source }, `${op.name} action source`);
        seen.add(op.name);
      }
    }
  }
  assert.deepEqual([...seen].sort(), Object.keys(expected).sort());
}

function wsdlFiles(folder: string): string[] {
  return existsSync(folder)
    ? readdirSync(folder)
        .filter((f) => f.endsWith('.wsdl'))
        .sort()
    : [];
}

test('DMP package: the 7 WSDLs build without errors, with the actions of the CI-SIS table', { skip: corpusSkipReason }, () => {
  const folder = corpus('dmp-annexe-wsdl-schema', 'wsdl');
  assert.deepEqual(wsdlFiles(folder), Object.keys(DMP).sort());
  for (const [file, expected] of Object.entries(DMP)) {
    const model = build(corpus('dmp-annexe-wsdl-schema', 'wsdl', file));
    assertNoErrors(model);
    assertActions(model, expected);
  }
});

test('DMP default-pattern actions differ from the soapAction that the WSDL declares', { skip: corpusSkipReason }, () => {
  const model = build(corpus('dmp-annexe-wsdl-schema', 'wsdl', 'Habilitations.wsdl'));
  const op = model.services[0]?.ports[0]?.operations.find((o) => o.name === 'setAuthorization');
  assert.equal(op?.soapAction, 'urn:hl7-org:v3:setAuthorization');
  assert.equal(op?.inputAction, 'urn:si-dmp-habilitations:HabilitationsEndPoint:setAuthorization');
});

test('IPF IHE WSDLs build without errors, with their wsam:Action values', { skip: corpusSkipReason }, () => {
  const folder = corpus('ipf-ihe-xds', 'wsdl');
  assert.deepEqual(wsdlFiles(folder), Object.keys(IPF).sort());
  for (const [file, expected] of Object.entries(IPF)) {
    const model = build(corpus('ipf-ihe-xds', 'wsdl', file));
    assertNoErrors(model);
    assertActions(model, expected);
  }
});

test('ITI-57 response action: the DMP and IPF spellings are both kept as written', { skip: corpusSkipReason }, () => {
  const dmp = build(corpus('dmp-annexe-wsdl-schema', 'wsdl', 'XDS.b_DocumentRegistry.wsdl'));
  const ipf = build(corpus('ipf-ihe-xds', 'wsdl', 'iti57.wsdl'));
  const action = (m: Model): string | null | undefined =>
    m.services[0]?.ports[0]?.operations.find((o) => o.name === 'DocumentRegistry_UpdateDocumentSet')?.outputAction;
  assert.equal(action(dmp), 'urn:ihe:iti:2010:UpdateDocumentSet-Response');
  assert.equal(action(ipf), 'urn:ihe:iti:2010:UpdateDocumentSetResponse');
  // IPF declares soap12:operation soapActionRequired="false" and no soapAction.
  const ipfOp = ipf.services[0]?.ports[0]?.operations[0];
  assert.equal(ipfOp?.soapAction, '');
  assert.equal(ipfOp?.soapActionRequired, false);
});

test('the same input gives the same model (fresh caches, byte-identical JSON)', { skip: corpusSkipReason }, () => {
  const file = corpus('insi-padoa', 'src', 'wsdl', 'DESIR_ICIR_EXP_1.5.0.wsdl');
  assert.equal(JSON.stringify(buildModel([file])), JSON.stringify(buildModel([file])));
});

test('INSi: builds without errors; actions; header parts split from the body; the Erreur fault', { skip: corpusSkipReason }, () => {
  const model = build(corpus('insi-padoa', 'src', 'wsdl', 'DESIR_ICIR_EXP_1.5.0.wsdl'));
  assertNoErrors(model);
  assertActions(model, INSI['DESIR_ICIR_EXP_1.5.0.wsdl'] ?? {});
  const port = model.services[0]?.ports[0];
  assert.equal(port?.soapVersion, '1.2');
  const bodies: Record<string, string> = {
    rechercherInsAvecCarteVitale: '{http://www.cnamts.fr/INSiRecVit}RECVITALE',
    rechercherInsAvecTraitsIdentite: '{http://www.cnamts.fr/INSiRecSans}RECSANSVITALE',
  };
  for (const op of port?.operations ?? []) {
    assert.equal(op.style, 'document');
    assert.deepEqual(op.input?.body, [{ part: op.name, element: bodies[op.name] }], `${op.name}: only the business element in the body`);
    const headers = Object.fromEntries((op.input?.headers ?? []).map((h) => [h.part, h.element]));
    assert.deepEqual(headers, {
      NO1_ContexteLPS: '{urn:siram:lps:ctxlps}ContexteLPS',
      NO1_ContexteBAM: '{urn:siram:bam:ctxbam}ContexteBAM',
      NO1_MessageID: '{http://www.w3.org/2005/08/addressing}MessageID',
      NO1_Security: '{http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd}Security',
    });
    // The header parts belong to the input message itself (the INSi pattern).
    assert.ok(op.input?.headers.every((h) => h.message === op.input?.message));
    assert.deepEqual(op.output?.body, [{ part: `${op.name}Response`, element: '{http://www.cnamts.fr/INSiResultat}RESULTAT' }]);
    assert.deepEqual(
      op.faults.map((f) => [f.name, f.element]),
      [['Erreur', '{urn:siram}Erreur']],
    );
  }
  // The schema reaches what the parts name.
  const reached = new Set(model.schema.elements.filter((e) => e.reached).map((e) => e.name));
  for (const name of ['{http://www.cnamts.fr/INSiRecVit}RECVITALE', '{urn:siram:lps:ctxlps}ContexteLPS', '{urn:siram}Erreur']) {
    assert.ok(reached.has(name), `${name} reached`);
  }
});
