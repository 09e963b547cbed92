import { test } from 'node:test';
import assert from 'node:assert/strict';
import { definitions, errors, parseOne, withCode } from './inline.js';

const ABSTRACT = `
  <wsdl:types><xs:schema targetNamespace="urn:t" elementFormDefault="qualified">
    <xs:element name="Ping" type="xs:string"/><xs:element name="PingResponse" type="xs:string"/>
  </xs:schema></wsdl:types>
  <wsdl:message name="PingIn"><wsdl:part name="parameters" element="tns:Ping"/></wsdl:message>
  <wsdl:message name="PingOut"><wsdl:part name="parameters" element="tns:PingResponse"/></wsdl:message>
  <wsdl:portType name="PingPort">
    <wsdl:operation name="Ping"><wsdl:input message="tns:PingIn"/><wsdl:output message="tns:PingOut"/></wsdl:operation>
  </wsdl:portType>`;

function binding(
  name: string,
  prefix: 'soap' | 'soap12',
  opExtra = '',
  bindingAttrs = 'style="document" transport="http://schemas.xmlsoap.org/soap/http"',
): string {
  return `
  <wsdl:binding name="${name}" type="tns:PingPort">
    <${prefix}:binding ${bindingAttrs}/>
    <wsdl:operation name="Ping">
      <${prefix}:operation soapAction="urn:t:ping" ${opExtra}/>
      <wsdl:input><${prefix}:body use="literal"/></wsdl:input>
      <wsdl:output><${prefix}:body use="literal"/></wsdl:output>
    </wsdl:operation>
  </wsdl:binding>`;
}

test('SOAP 1.1 and SOAP 1.2 ports: version, binding, port type, address, transport, style', () => {
  const text = definitions(
    'urn:t',
    ABSTRACT +
      binding('B11', 'soap') +
      binding('B12', 'soap12', 'soapActionRequired="false"') +
      `<wsdl:service name="S">
        <wsdl:documentation>  The ping
           service </wsdl:documentation>
        <wsdl:port name="P11" binding="tns:B11"><soap:address location="http://example.org/11"/></wsdl:port>
        <wsdl:port name="P12" binding="tns:B12"><soap12:address location="https://example.org/12"/></wsdl:port>
      </wsdl:service>`,
  );
  const { services, diagnostics } = parseOne(text);
  assert.deepEqual(diagnostics, []);
  assert.equal(services.length, 1);
  const [service] = services;
  assert.equal(service?.name, 'S');
  assert.equal(service?.namespace, 'urn:t');
  assert.equal(service?.documentation, 'The ping\nservice');
  const [p11, p12] = service?.ports ?? [];
  assert.deepEqual(
    {
      name: p11?.name,
      binding: p11?.binding,
      portType: p11?.portType,
      soapVersion: p11?.soapVersion,
      address: p11?.address,
      style: p11?.style,
      transport: p11?.transport,
    },
    {
      name: 'P11',
      binding: '{urn:t}B11',
      portType: '{urn:t}PingPort',
      soapVersion: '1.1',
      address: 'http://example.org/11',
      style: 'document',
      transport: 'http://schemas.xmlsoap.org/soap/http',
    },
  );
  assert.equal(p12?.soapVersion, '1.2');
  assert.equal(p12?.address, 'https://example.org/12');
  const op11 = p11?.operations[0];
  const op12 = p12?.operations[0];
  assert.equal(op11?.soapAction, 'urn:t:ping');
  assert.equal(op11?.soapActionRequired, undefined);
  assert.equal(op12?.soapActionRequired, false);
  assert.equal(op11?.pattern, 'request-response');
  assert.deepEqual(op11?.input, { message: '{urn:t}PingIn', body: [{ part: 'parameters', element: '{urn:t}Ping' }], headers: [] });
  assert.deepEqual(op11?.output, { message: '{urn:t}PingOut', body: [{ part: 'parameters', element: '{urn:t}PingResponse' }], headers: [] });
});

test('soapAction is empty when absent; address is null when absent; default style is document', () => {
  const text = definitions(
    'urn:t',
    ABSTRACT +
      `<wsdl:binding name="B" type="tns:PingPort"><soap:binding/>
        <wsdl:operation name="Ping"><wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation>
      </wsdl:binding>
      <wsdl:service name="S"><wsdl:port name="P" binding="tns:B"/></wsdl:service>`,
  );
  const { services, diagnostics } = parseOne(text);
  assert.deepEqual(diagnostics, []);
  const port = services[0]?.ports[0];
  assert.equal(port?.address, null);
  assert.equal(port?.transport, null);
  assert.equal(port?.style, 'document');
  assert.equal(port?.operations[0]?.soapAction, '');
  assert.equal(port?.operations[0]?.style, 'document');
});

test('operation style overrides the binding style; rpc/literal parts by type with soap:body namespace', () => {
  const text = definitions(
    'http://example.org/calc',
    `<wsdl:message name="AddIn"><wsdl:part name="a" type="xs:int"/><wsdl:part name="b" type="xs:int"/></wsdl:message>
     <wsdl:message name="AddOut"><wsdl:part name="result" type="xs:int"/></wsdl:message>
     <wsdl:message name="DocIn"><wsdl:part name="p" element="tns:Doc"/></wsdl:message>
     <wsdl:portType name="Calc">
       <wsdl:operation name="Add"><wsdl:input message="tns:AddIn"/><wsdl:output message="tns:AddOut"/></wsdl:operation>
       <wsdl:operation name="Doc"><wsdl:input message="tns:DocIn"/></wsdl:operation>
     </wsdl:portType>
     <wsdl:binding name="CalcBinding" type="tns:Calc">
       <soap:binding style="rpc" transport="http://schemas.xmlsoap.org/soap/http"/>
       <wsdl:operation name="Add">
         <soap:operation soapAction="add"/>
         <wsdl:input><soap:body use="literal" namespace="http://example.org/calc/wrappers"/></wsdl:input>
         <wsdl:output><soap:body use="literal" namespace="http://example.org/calc/wrappers"/></wsdl:output>
       </wsdl:operation>
       <wsdl:operation name="Doc">
         <soap:operation style="document"/>
         <wsdl:input><soap:body use="literal"/></wsdl:input>
       </wsdl:operation>
     </wsdl:binding>
     <wsdl:service name="CalcService"><wsdl:port name="CalcPort" binding="tns:CalcBinding"><soap:address location="http://localhost/calc"/></wsdl:port></wsdl:service>`,
  );
  const { services, diagnostics } = parseOne(text);
  assert.deepEqual(diagnostics, []);
  const port = services[0]?.ports[0];
  assert.equal(port?.style, 'rpc');
  const [add, doc] = port?.operations ?? [];
  assert.equal(add?.style, 'rpc');
  assert.equal(add?.rpcNamespace, 'http://example.org/calc/wrappers');
  assert.deepEqual(add?.input?.body, [
    { part: 'a', type: '{http://www.w3.org/2001/XMLSchema}int' },
    { part: 'b', type: '{http://www.w3.org/2001/XMLSchema}int' },
  ]);
  assert.deepEqual(add?.output?.body, [{ part: 'result', type: '{http://www.w3.org/2001/XMLSchema}int' }]);
  assert.equal(doc?.style, 'document');
  assert.equal(doc?.rpcNamespace, undefined);
  assert.equal(doc?.pattern, 'one-way');
  assert.equal(doc?.output, null);
});

test('rpc without soap:body namespace: warning, empty rpcNamespace', () => {
  const text = definitions(
    'urn:t',
    `<wsdl:message name="M"><wsdl:part name="a" type="xs:string"/></wsdl:message>
     <wsdl:portType name="PT"><wsdl:operation name="Op"><wsdl:input message="tns:M"/></wsdl:operation></wsdl:portType>
     <wsdl:binding name="B" type="tns:PT"><soap:binding style="rpc"/>
       <wsdl:operation name="Op"><wsdl:input><soap:body use="literal"/></wsdl:input></wsdl:operation></wsdl:binding>
     <wsdl:service name="S"><wsdl:port name="P" binding="tns:B"/></wsdl:service>`,
  );
  const { services, diagnostics } = parseOne(text);
  assert.equal(services[0]?.ports[0]?.operations[0]?.rpcNamespace, '');
  assert.equal(withCode(diagnostics, 'wsdl-rpc-no-namespace').length, 1);
  assert.deepEqual(errors(diagnostics), []);
});

test('ports with an HTTP GET/POST binding are skipped with a warning; SOAP ports of the same service stay', () => {
  const text = definitions(
    'urn:t',
    ABSTRACT +
      binding('B11', 'soap') +
      `<wsdl:binding name="HttpB" type="tns:PingPort"><http:binding verb="GET"/>
        <wsdl:operation name="Ping"><http:operation location="/ping"/>
          <wsdl:input><http:urlEncoded/></wsdl:input><wsdl:output><mime:content type="text/xml"/></wsdl:output>
        </wsdl:operation></wsdl:binding>
      <wsdl:service name="S">
        <wsdl:port name="Soap" binding="tns:B11"><soap:address location="http://x/"/></wsdl:port>
        <wsdl:port name="Get" binding="tns:HttpB"><http:address location="http://x/"/></wsdl:port>
      </wsdl:service>`,
    'xmlns:http="http://schemas.xmlsoap.org/wsdl/http/" xmlns:mime="http://schemas.xmlsoap.org/wsdl/mime/"',
  );
  const { services, diagnostics } = parseOne(text);
  assert.deepEqual(
    services[0]?.ports.map((p) => p.name),
    ['Soap'],
  );
  const skipped = withCode(diagnostics, 'wsdl-unsupported-binding');
  assert.equal(skipped.length, 1);
  assert.equal(skipped[0]?.severity, 'warning');
  assert.match(skipped[0]?.message ?? '', /port 'Get' uses an HTTP GET\/POST binding/);
  assert.deepEqual(errors(diagnostics), []);
});

test('a SOAP 1.1 address on a SOAP 1.2 binding is read, with a warning', () => {
  const text = definitions(
    'urn:t',
    ABSTRACT + binding('B12', 'soap12') + `<wsdl:service name="S"><wsdl:port name="P" binding="tns:B12"><soap:address location=""/></wsdl:port></wsdl:service>`,
  );
  const { services, diagnostics } = parseOne(text);
  assert.equal(services[0]?.ports[0]?.soapVersion, '1.2');
  assert.equal(services[0]?.ports[0]?.address, '');
  assert.equal(withCode(diagnostics, 'wsdl-soap-version-mismatch').length, 1);
  assert.deepEqual(errors(diagnostics), []);
});

test('a binding shared by two ports is read once (one set of diagnostics)', () => {
  const text = definitions(
    'urn:t',
    ABSTRACT +
      `<wsdl:binding name="B" type="tns:PingPort"><soap:binding style="rpc"/>
        <wsdl:operation name="Ping"><wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation>
      </wsdl:binding>
      <wsdl:service name="S">
        <wsdl:port name="A" binding="tns:B"><soap:address location="http://a/"/></wsdl:port>
        <wsdl:port name="B" binding="tns:B"><soap:address location="http://b/"/></wsdl:port>
      </wsdl:service>`,
  );
  const { services, diagnostics } = parseOne(text);
  assert.deepEqual(
    services[0]?.ports.map((p) => [p.name, p.address]),
    [
      ['A', 'http://a/'],
      ['B', 'http://b/'],
    ],
  );
  // rpc style with element parts: one warning per part, not per port.
  assert.equal(withCode(diagnostics, 'wsdl-rpc-element-part').length, 2);
});

test('documentation of port type operations (else binding operations) is kept', () => {
  const text = definitions(
    'urn:t',
    `<wsdl:message name="M"><wsdl:part name="p" element="tns:E"/></wsdl:message>
     <wsdl:portType name="PT">
       <wsdl:operation name="A"><wsdl:documentation>Does A.</wsdl:documentation><wsdl:input message="tns:M"/></wsdl:operation>
       <wsdl:operation name="B"><wsdl:input message="tns:M"/></wsdl:operation>
     </wsdl:portType>
     <wsdl:binding name="Bd" type="tns:PT"><soap:binding/>
       <wsdl:operation name="A"><wsdl:input><soap:body use="literal"/></wsdl:input></wsdl:operation>
       <wsdl:operation name="B"><wsdl:documentation>Does B.</wsdl:documentation><wsdl:input><soap:body use="literal"/></wsdl:input></wsdl:operation>
     </wsdl:binding>
     <wsdl:service name="S"><wsdl:port name="P" binding="tns:Bd"/></wsdl:service>`,
  );
  const { services } = parseOne(text);
  assert.deepEqual(
    services[0]?.ports[0]?.operations.map((o) => o.documentation),
    ['Does A.', 'Does B.'],
  );
});

test('operations follow port type order; overloaded names are matched by input/output names', () => {
  const text = definitions(
    'urn:t',
    `<wsdl:message name="M1"><wsdl:part name="p" element="tns:E1"/></wsdl:message>
     <wsdl:message name="M2"><wsdl:part name="p" element="tns:E2"/></wsdl:message>
     <wsdl:portType name="PT">
       <wsdl:operation name="Z"><wsdl:input message="tns:M1"/></wsdl:operation>
       <wsdl:operation name="Op"><wsdl:input name="one" message="tns:M1"/></wsdl:operation>
       <wsdl:operation name="Op"><wsdl:input name="two" message="tns:M2"/></wsdl:operation>
     </wsdl:portType>
     <wsdl:binding name="B" type="tns:PT"><soap:binding/>
       <wsdl:operation name="Op"><soap:operation soapAction="two"/><wsdl:input name="two"><soap:body use="literal"/></wsdl:input></wsdl:operation>
       <wsdl:operation name="Op"><soap:operation soapAction="one"/><wsdl:input name="one"><soap:body use="literal"/></wsdl:input></wsdl:operation>
       <wsdl:operation name="Z"><wsdl:input><soap:body use="literal"/></wsdl:input></wsdl:operation>
     </wsdl:binding>
     <wsdl:service name="S"><wsdl:port name="P" binding="tns:B"/></wsdl:service>`,
  );
  const { services, diagnostics } = parseOne(text);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(
    services[0]?.ports[0]?.operations.map((o) => [o.name, o.input?.name, o.soapAction, o.input?.message]),
    [
      ['Z', undefined, '', '{urn:t}M1'],
      ['Op', 'one', 'one', '{urn:t}M1'],
      ['Op', 'two', 'two', '{urn:t}M2'],
    ],
  );
});
