import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NS, errors, parseInline, positionOf } from './inline.js';

// The abstract part (messages, port type) in one WSDL, the binding and service in another that
// wsdl:imports it — each document with its own targetNamespace.
const ABSTRACT = `<wsdl:definitions targetNamespace="http://example.com/abstract" xmlns:a="http://example.com/abstract" ${NS}>
  <wsdl:message name="In"><wsdl:part name="p" element="a:Req"/></wsdl:message>
  <wsdl:message name="Out"><wsdl:part name="p" element="a:Res"/></wsdl:message>
  <wsdl:portType name="Users">
    <wsdl:operation name="get"><wsdl:input name="get" message="a:In"/><wsdl:output name="getResponse" message="a:Out"/></wsdl:operation>
  </wsdl:portType>
</wsdl:definitions>`;

const CONCRETE = `<wsdl:definitions targetNamespace="http://example.com/concrete" xmlns:tns="http://example.com/concrete"
    xmlns:a="http://example.com/abstract" ${NS}>
  <wsdl:import namespace="http://example.com/abstract" location="abstract.wsdl"/>
  <wsdl:binding name="UsersBinding" type="a:Users">
    <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
    <wsdl:operation name="get"><soap:operation soapAction=""/>
      <wsdl:input name="get"><soap:body use="literal"/></wsdl:input>
      <wsdl:output name="getResponse"><soap:body use="literal"/></wsdl:output>
    </wsdl:operation>
  </wsdl:binding>
  <wsdl:service name="UsersService">
    <wsdl:port name="UsersPort" binding="tns:UsersBinding"><soap:address location="http://example.com/users"/></wsdl:port>
  </wsdl:service>
</wsdl:definitions>`;

test('definitions from several WSDL documents, each in its own target namespace', () => {
  const { services, diagnostics } = parseInline({ path: 'concrete.wsdl', text: CONCRETE }, { path: 'abstract.wsdl', text: ABSTRACT });
  assert.deepEqual(diagnostics, []);
  assert.equal(services.length, 1);
  const service = services[0];
  assert.equal(service?.namespace, 'http://example.com/concrete');
  const port = service?.ports[0];
  assert.equal(port?.binding, '{http://example.com/concrete}UsersBinding');
  assert.equal(port?.portType, '{http://example.com/abstract}Users');
  const op = port?.operations[0];
  assert.equal(op?.input?.message, '{http://example.com/abstract}In');
  assert.deepEqual(op?.input?.body, [{ part: 'p', element: '{http://example.com/abstract}Req' }]);
  // The default action starts with the port type's namespace, not the service's.
  assert.equal(op?.inputAction, 'http://example.com/abstract/Users/get');
  assert.equal(op?.outputAction, 'http://example.com/abstract/Users/getResponse');
});

test('the same QName defined in two documents: the first wins, with a warning at the second', () => {
  const { services, diagnostics } = parseInline(
    { path: 'concrete.wsdl', text: CONCRETE },
    { path: 'abstract.wsdl', text: ABSTRACT },
    { path: 'again.wsdl', text: ABSTRACT.replace('a:Req', 'a:Other') },
  );
  assert.deepEqual(errors(diagnostics), []);
  const dup = diagnostics.filter((d) => d.code === 'wsdl-duplicate-definition');
  assert.equal(dup.length, 3); // two messages and the port type
  assert.ok(dup.every((d) => d.file === 'again.wsdl'));
  assert.deepEqual(services[0]?.ports[0]?.operations[0]?.input?.body, [{ part: 'p', element: '{http://example.com/abstract}Req' }]);
});

test('a missing imported document leaves a port type that is not defined: error at the binding type', () => {
  const { services, diagnostics } = parseInline({ path: 'concrete.wsdl', text: CONCRETE });
  const errs = errors(diagnostics);
  assert.equal(errs.length, 1);
  assert.equal(errs[0]?.code, 'wsdl-missing-port-type');
  assert.equal(errs[0]?.file, 'concrete.wsdl');
  assert.deepEqual({ line: errs[0]?.line, column: errs[0]?.column }, positionOf(CONCRETE, '"a:Users"'));
  assert.deepEqual(services[0]?.ports, []);
});
