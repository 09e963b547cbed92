import { test } from 'node:test';
import assert from 'node:assert/strict';
import { definitions, errors, parseOne, positionOf, withCode } from './inline.js';

function service(bindingFaults: string, portTypeFaults: string, extraMessages = ''): string {
  return definitions(
    'urn:siram:test',
    `<wsdl:message name="In"><wsdl:part name="in" element="tns:Req"/></wsdl:message>
     <wsdl:message name="Out"><wsdl:part name="out" element="tns:Res"/></wsdl:message>
     <wsdl:message name="Erreur"><wsdl:part name="Erreur" element="tns:Erreur"/></wsdl:message>
     ${extraMessages}
     <wsdl:portType name="PT"><wsdl:operation name="Op">
       <wsdl:input message="tns:In"/><wsdl:output message="tns:Out"/>${portTypeFaults}
     </wsdl:operation></wsdl:portType>
     <wsdl:binding name="Bd" type="tns:PT"><soap12:binding style="document"/>
       <wsdl:operation name="Op"><soap12:operation soapAction=""/>
         <wsdl:input><soap12:body use="literal"/></wsdl:input><wsdl:output><soap12:body use="literal"/></wsdl:output>${bindingFaults}
       </wsdl:operation></wsdl:binding>
     <wsdl:service name="S"><wsdl:port name="P" binding="tns:Bd"/></wsdl:service>`,
    'xmlns:wsam="http://www.w3.org/2007/05/addressing/metadata"',
  );
}

test('wsdl:fault with soap:fault: name, detail element, message, default action', () => {
  const { services, diagnostics } = parseOne(
    service('<wsdl:fault name="Erreur"><soap12:fault name="Erreur" use="literal"/></wsdl:fault>', '<wsdl:fault name="Erreur" message="tns:Erreur"/>'),
  );
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(services[0]?.ports[0]?.operations[0]?.faults, [
    { name: 'Erreur', element: '{urn:siram:test}Erreur', message: '{urn:siram:test}Erreur', action: 'urn:siram:test:PT:Op:Fault:Erreur' },
  ]);
});

test('explicit fault action', () => {
  const { services } = parseOne(
    service(
      '<wsdl:fault name="Erreur"><soap12:fault name="Erreur" use="literal"/></wsdl:fault>',
      '<wsdl:fault name="Erreur" message="tns:Erreur" wsam:Action="urn:x:fault"/>',
    ),
  );
  assert.equal(services[0]?.ports[0]?.operations[0]?.faults[0]?.action, 'urn:x:fault');
});

test('fault by type: element null with a warning; several parts: first used with a warning', () => {
  const { services, diagnostics } = parseOne(
    service(
      '<wsdl:fault name="T"><soap12:fault name="T" use="literal"/></wsdl:fault><wsdl:fault name="Two"><soap12:fault name="Two" use="literal"/></wsdl:fault>',
      '<wsdl:fault name="T" message="tns:ByType"/><wsdl:fault name="Two" message="tns:TwoParts"/>',
      `<wsdl:message name="ByType"><wsdl:part name="d" type="xs:string"/></wsdl:message>
       <wsdl:message name="TwoParts"><wsdl:part name="a" element="tns:A"/><wsdl:part name="b" element="tns:B"/></wsdl:message>`,
    ),
  );
  assert.deepEqual(errors(diagnostics), []);
  const faults = services[0]?.ports[0]?.operations[0]?.faults;
  assert.equal(faults?.[0]?.element, null);
  assert.equal(faults?.[1]?.element, '{urn:siram:test}A');
  assert.equal(withCode(diagnostics, 'wsdl-fault-type-part').length, 1);
  assert.equal(withCode(diagnostics, 'wsdl-fault-parts').length, 1);
});

test('a binding fault that the port type does not declare is an error; an unbound port type fault is kept with a warning', () => {
  const text = service('<wsdl:fault name="Other"><soap12:fault name="Other" use="literal"/></wsdl:fault>', '<wsdl:fault name="Erreur" message="tns:Erreur"/>');
  const { services, diagnostics } = parseOne(text);
  const errs = errors(diagnostics);
  assert.equal(errs.length, 1);
  assert.equal(errs[0]?.code, 'wsdl-fault-not-in-port-type');
  assert.deepEqual([errs[0]?.line, errs[0]?.column], Object.values(positionOf(text, '<wsdl:fault name="Other">')));
  assert.equal(withCode(diagnostics, 'wsdl-fault-not-bound').length, 1);
  assert.deepEqual(
    services[0]?.ports[0]?.operations[0]?.faults.map((f) => f.name),
    ['Erreur'],
  );
});

test('a soap:fault whose name differs from its wsdl:fault: warning', () => {
  const { diagnostics } = parseOne(
    service('<wsdl:fault name="Erreur"><soap12:fault name="Error" use="literal"/></wsdl:fault>', '<wsdl:fault name="Erreur" message="tns:Erreur"/>'),
  );
  assert.deepEqual(errors(diagnostics), []);
  assert.equal(withCode(diagnostics, 'wsdl-fault-name-mismatch').length, 1);
});

test('a fault naming a missing message is an error at the fault', () => {
  const text = service('<wsdl:fault name="F"><soap12:fault name="F" use="literal"/></wsdl:fault>', '<wsdl:fault name="F" message="tns:Nope"/>');
  const { services, diagnostics } = parseOne(text);
  const errs = errors(diagnostics);
  assert.equal(errs.length, 1);
  assert.equal(errs[0]?.code, 'wsdl-missing-message');
  assert.match(errs[0]?.message ?? '', /message \{urn:siram:test\}Nope is not defined/);
  assert.deepEqual([errs[0]?.line, errs[0]?.column], Object.values(positionOf(text, '"tns:Nope"')));
  assert.equal(services[0]?.ports[0]?.operations[0]?.faults[0]?.element, null);
});
