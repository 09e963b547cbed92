import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultFaultAction, defaultMessageAction, defaultMessageName } from '../../generator/parse/wsdl/actions.js';
import { definitions, parseOne } from './inline.js';

test('default pattern: urn namespaces use ":", others "/" (WS-Addressing 1.0 Metadata §4.4.4)', () => {
  assert.equal(
    defaultMessageAction('urn:si-dmp-habilitations', 'HabilitationsEndPoint', 'setAuthorization', 'request-response', 'input', 'setAuthorization'),
    'urn:si-dmp-habilitations:HabilitationsEndPoint:setAuthorization',
  );
  assert.equal(defaultMessageAction('http://example.org/ns', 'PT', 'Op', 'request-response', 'output', null), 'http://example.org/ns/PT/OpResponse');
  assert.equal(defaultMessageAction('URN:Example', 'PT', 'Op', 'one-way', 'input', null), 'URN:Example:PT:Op');
});

test('default pattern: no doubled delimiter when the namespace already ends with it', () => {
  assert.equal(defaultMessageAction('http://example.org/ns/', 'PT', 'Op', 'request-response', 'input', null), 'http://example.org/ns/PT/OpRequest');
  assert.equal(defaultFaultAction('http://example.org/ns/', 'PT', 'Op', 'Boom'), 'http://example.org/ns/PT/Op/Fault/Boom');
  assert.equal(defaultFaultAction('urn:a:', 'PT', 'Op', 'Boom'), 'urn:a:PT:Op:Fault:Boom');
});

test('default message names (WSDL 1.1 §2.4.5)', () => {
  assert.equal(defaultMessageName('Op', 'request-response', 'input'), 'OpRequest');
  assert.equal(defaultMessageName('Op', 'request-response', 'output'), 'OpResponse');
  assert.equal(defaultMessageName('Op', 'one-way', 'input'), 'Op');
  assert.equal(defaultMessageName('Op', 'notification', 'output'), 'Op');
  assert.equal(defaultMessageName('Op', 'solicit-response', 'output'), 'OpSolicit');
  assert.equal(defaultMessageName('Op', 'solicit-response', 'input'), 'OpResponse');
});

const ACTION_NAMESPACES: [string, string][] = [
  ['wsam', 'http://www.w3.org/2007/05/addressing/metadata'],
  ['wsaw', 'http://www.w3.org/2006/05/addressing/wsdl'],
  ['wsaw2', 'http://www.w3.org/2006/02/addressing/wsdl'],
  ['wsa', 'http://www.w3.org/2005/08/addressing'],
  ['wsa04', 'http://schemas.xmlsoap.org/ws/2004/08/addressing'],
];

function actionWsdl(tns: string, inputAttrs: string, outputAttrs: string, soapAction = 'urn:wrong:soap:action'): string {
  return definitions(
    tns,
    `<wsdl:message name="In"><wsdl:part name="p" element="tns:Req"/></wsdl:message>
     <wsdl:message name="Out"><wsdl:part name="p" element="tns:Res"/></wsdl:message>
     <wsdl:portType name="PT"><wsdl:operation name="Op">
       <wsdl:input message="tns:In" ${inputAttrs}/><wsdl:output message="tns:Out" ${outputAttrs}/>
     </wsdl:operation></wsdl:portType>
     <wsdl:binding name="Bd" type="tns:PT"><soap12:binding/>
       <wsdl:operation name="Op"><soap12:operation soapAction="${soapAction}"/>
         <wsdl:input><soap12:body use="literal"/></wsdl:input><wsdl:output><soap12:body use="literal"/></wsdl:output>
       </wsdl:operation></wsdl:binding>
     <wsdl:service name="S"><wsdl:port name="P" binding="tns:Bd"/></wsdl:service>`,
    ACTION_NAMESPACES.map(([p, ns]) => `xmlns:${p}="${ns}"`).join(' '),
  );
}

for (const [prefix, ns] of ACTION_NAMESPACES) {
  test(`explicit Action attribute in ${ns}`, () => {
    const { services, diagnostics } = parseOne(actionWsdl('urn:t', `${prefix}:Action="urn:in"`, `${prefix}:Action="urn:out"`));
    assert.deepEqual(diagnostics, []);
    const op = services[0]?.ports[0]?.operations[0];
    assert.deepEqual([op?.inputAction, op?.outputAction, op?.actionSource], ['urn:in', 'urn:out', { input: 'explicit', output: 'explicit' }]);
  });
}

test('without Action: the default pattern from input/output names; never the soapAction', () => {
  const { services } = parseOne(actionWsdl('urn:si-dmp-patients', 'name="patientList"', 'name="patientListResponse"', 'urn:hl7-org:v3:patientList'));
  const op = services[0]?.ports[0]?.operations[0];
  assert.equal(op?.soapAction, 'urn:hl7-org:v3:patientList');
  assert.equal(op?.inputAction, 'urn:si-dmp-patients:PT:patientList');
  assert.equal(op?.outputAction, 'urn:si-dmp-patients:PT:patientListResponse');
  assert.deepEqual(op?.actionSource, { input: 'default', output: 'default' });
});

test('without Action or names: default message names; http namespace uses "/"', () => {
  const { services } = parseOne(actionWsdl('http://example.org/svc', '', ''));
  const op = services[0]?.ports[0]?.operations[0];
  assert.equal(op?.inputAction, 'http://example.org/svc/PT/OpRequest');
  assert.equal(op?.outputAction, 'http://example.org/svc/PT/OpResponse');
});

test('explicit input, default output; an empty Action attribute counts as absent', () => {
  const { services } = parseOne(actionWsdl('urn:t', 'wsaw:Action="urn:in"', 'wsam:Action=""'));
  const op = services[0]?.ports[0]?.operations[0];
  assert.deepEqual([op?.inputAction, op?.outputAction], ['urn:in', 'urn:t:PT:OpResponse']);
  assert.deepEqual(op?.actionSource, { input: 'explicit', output: 'default' });
});

test('one-way operation: input action from the operation name, output none', () => {
  const text = definitions(
    'urn:t',
    `<wsdl:message name="In"><wsdl:part name="p" element="tns:Req"/></wsdl:message>
     <wsdl:portType name="PT"><wsdl:operation name="Notify"><wsdl:input message="tns:In"/></wsdl:operation></wsdl:portType>
     <wsdl:binding name="Bd" type="tns:PT"><soap12:binding/>
       <wsdl:operation name="Notify"><wsdl:input><soap12:body use="literal"/></wsdl:input></wsdl:operation></wsdl:binding>
     <wsdl:service name="S"><wsdl:port name="P" binding="tns:Bd"/></wsdl:service>`,
  );
  const { services } = parseOne(text);
  const op = services[0]?.ports[0]?.operations[0];
  assert.equal(op?.pattern, 'one-way');
  assert.equal(op?.inputAction, 'urn:t:PT:Notify');
  assert.equal(op?.outputAction, null);
  assert.deepEqual(op?.actionSource, { input: 'default', output: 'none' });
});
