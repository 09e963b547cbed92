import { test } from 'node:test';
import assert from 'node:assert/strict';
import { definitions, errors, parseOne, positionOf, withCode } from './inline.js';

/** The INSi layout: one input message holding the body part and the header parts, bound with parts= and soap12:header. */
const BARE_WITH_HEADERS = definitions(
  'http://example.org/ws',
  `<wsdl:message name="search">
    <wsdl:part name="search" element="b:REQUEST"/>
    <wsdl:part name="NO1_Security" element="wsse:Security"/>
    <wsdl:part name="NO1_Context" element="ctx:Context"/>
    <wsdl:part name="NO1_MessageID" element="wsa:MessageID"/>
  </wsdl:message>
  <wsdl:message name="searchResponse"><wsdl:part name="searchResponse" element="b:RESULT"/></wsdl:message>
  <wsdl:portType name="Svc">
    <wsdl:operation name="search">
      <wsdl:input name="search" message="tns:search"/>
      <wsdl:output name="searchResponse" message="tns:searchResponse"/>
    </wsdl:operation>
  </wsdl:portType>
  <wsdl:binding name="SvcBinding" type="tns:Svc">
    <soap12:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
    <wsdl:operation name="search">
      <soap12:operation soapAction="urn:svc:1.0.0:search"/>
      <wsdl:input name="search">
        <soap12:body parts="search" use="literal"/>
        <soap12:header message="tns:search" part="NO1_Context" use="literal"/>
        <soap12:header message="tns:search" part="NO1_MessageID" use="literal"/>
        <soap12:header message="tns:search" part="NO1_Security" use="literal"/>
      </wsdl:input>
      <wsdl:output name="searchResponse"><soap12:body parts="searchResponse" use="literal"/></wsdl:output>
    </wsdl:operation>
  </wsdl:binding>
  <wsdl:service name="S"><wsdl:port name="P" binding="tns:SvcBinding"><soap12:address location="https://x/lps"/></wsdl:port></wsdl:service>`,
  `xmlns:b="urn:body" xmlns:ctx="urn:ctx" xmlns:wsa="http://www.w3.org/2005/08/addressing"
   xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"`,
);

test('header parts of the input message itself: in headers (binding order), not in the body', () => {
  const { services, diagnostics } = parseOne(BARE_WITH_HEADERS);
  assert.deepEqual(diagnostics, []);
  const op = services[0]?.ports[0]?.operations[0];
  assert.deepEqual(op?.input, {
    message: '{http://example.org/ws}search',
    name: 'search',
    body: [{ part: 'search', element: '{urn:body}REQUEST' }],
    headers: [
      { part: 'NO1_Context', element: '{urn:ctx}Context', message: '{http://example.org/ws}search', headerFaults: [] },
      { part: 'NO1_MessageID', element: '{http://www.w3.org/2005/08/addressing}MessageID', message: '{http://example.org/ws}search', headerFaults: [] },
      {
        part: 'NO1_Security',
        element: '{http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd}Security',
        message: '{http://example.org/ws}search',
        headerFaults: [],
      },
    ],
  });
  assert.deepEqual(op?.output?.body, [{ part: 'searchResponse', element: '{urn:body}RESULT' }]);
});

test('without parts=, parts bound as headers of the same message are left out of the body', () => {
  const { services, diagnostics } = parseOne(BARE_WITH_HEADERS.replace('<soap12:body parts="search" use="literal"/>', '<soap12:body use="literal"/>'));
  assert.deepEqual(diagnostics, []);
  const input = services[0]?.ports[0]?.operations[0]?.input;
  assert.deepEqual(input?.body, [{ part: 'search', element: '{urn:body}REQUEST' }]);
  assert.equal(input?.headers.length, 3);
});

test('soap:body parts= selects and orders the body parts; parts not listed are not in the body', () => {
  const text = definitions(
    'urn:t',
    `<wsdl:message name="M"><wsdl:part name="a" element="tns:A"/><wsdl:part name="b" element="tns:B"/><wsdl:part name="c" element="tns:C"/></wsdl:message>
     <wsdl:portType name="PT"><wsdl:operation name="Op"><wsdl:input message="tns:M"/></wsdl:operation></wsdl:portType>
     <wsdl:binding name="Bd" type="tns:PT"><soap:binding/>
       <wsdl:operation name="Op"><wsdl:input><soap:body parts="c  a" use="literal"/></wsdl:input></wsdl:operation></wsdl:binding>
     <wsdl:service name="S"><wsdl:port name="P" binding="tns:Bd"/></wsdl:service>`,
  );
  const { services, diagnostics } = parseOne(text);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(services[0]?.ports[0]?.operations[0]?.input?.body, [
    { part: 'c', element: '{urn:t}C' },
    { part: 'a', element: '{urn:t}A' },
  ]);
});

test('parts="" means an empty body', () => {
  const text = definitions(
    'urn:t',
    `<wsdl:message name="M"><wsdl:part name="h" element="tns:H"/></wsdl:message>
     <wsdl:portType name="PT"><wsdl:operation name="Op"><wsdl:input message="tns:M"/></wsdl:operation></wsdl:portType>
     <wsdl:binding name="Bd" type="tns:PT"><soap:binding/>
       <wsdl:operation name="Op"><wsdl:input><soap:body parts="" use="literal"/><soap:header message="tns:M" part="h" use="literal"/></wsdl:input></wsdl:operation></wsdl:binding>
     <wsdl:service name="S"><wsdl:port name="P" binding="tns:Bd"/></wsdl:service>`,
  );
  const { services, diagnostics } = parseOne(text);
  assert.deepEqual(diagnostics, []);
  const input = services[0]?.ports[0]?.operations[0]?.input;
  assert.deepEqual(input?.body, []);
  assert.deepEqual(
    input?.headers.map((h) => h.element),
    ['{urn:t}H'],
  );
});

test('a header from another message, with its headerfaults', () => {
  const text = definitions(
    'urn:t',
    `<wsdl:message name="M"><wsdl:part name="body" element="tns:Body"/></wsdl:message>
     <wsdl:message name="Headers"><wsdl:part name="auth" element="tns:Auth"/><wsdl:part name="authFault" element="tns:AuthFault"/></wsdl:message>
     <wsdl:portType name="PT"><wsdl:operation name="Op"><wsdl:input message="tns:M"/><wsdl:output message="tns:M"/></wsdl:operation></wsdl:portType>
     <wsdl:binding name="Bd" type="tns:PT"><soap:binding/>
       <wsdl:operation name="Op">
         <wsdl:input><soap:body use="literal"/>
           <soap:header message="tns:Headers" part="auth" use="literal">
             <soap:headerfault message="tns:Headers" part="authFault" use="literal"/>
           </soap:header>
         </wsdl:input>
         <wsdl:output><soap:body use="literal"/></wsdl:output>
       </wsdl:operation></wsdl:binding>
     <wsdl:service name="S"><wsdl:port name="P" binding="tns:Bd"/></wsdl:service>`,
  );
  const { services, diagnostics } = parseOne(text);
  assert.deepEqual(diagnostics, []);
  const op = services[0]?.ports[0]?.operations[0];
  assert.deepEqual(op?.input?.body, [{ part: 'body', element: '{urn:t}Body' }]);
  assert.deepEqual(op?.input?.headers, [
    {
      part: 'auth',
      element: '{urn:t}Auth',
      message: '{urn:t}Headers',
      headerFaults: [{ part: 'authFault', element: '{urn:t}AuthFault', message: '{urn:t}Headers' }],
    },
  ]);
  assert.deepEqual(op?.output?.headers, []);
});

test('a header part declared by type is an error at the part', () => {
  const text = definitions(
    'urn:t',
    `<wsdl:message name="M"><wsdl:part name="body" element="tns:Body"/><wsdl:part name="h" type="xs:string"/></wsdl:message>
     <wsdl:portType name="PT"><wsdl:operation name="Op"><wsdl:input message="tns:M"/></wsdl:operation></wsdl:portType>
     <wsdl:binding name="Bd" type="tns:PT"><soap:binding/>
       <wsdl:operation name="Op"><wsdl:input><soap:body parts="body" use="literal"/><soap:header message="tns:M" part="h" use="literal"/></wsdl:input></wsdl:operation></wsdl:binding>
     <wsdl:service name="S"><wsdl:port name="P" binding="tns:Bd"/></wsdl:service>`,
  );
  const { services, diagnostics } = parseOne(text);
  const errs = errors(diagnostics);
  assert.equal(errs.length, 1);
  assert.equal(errs[0]?.code, 'wsdl-header-type-part');
  assert.deepEqual([errs[0]?.line, errs[0]?.column], Object.values(positionOf(text, '<wsdl:part name="h"')));
  assert.deepEqual(services[0]?.ports[0]?.operations[0]?.input?.headers, []);
});

test('document style with a part by type: warning; binding input missing soap:body: warning, every part in body', () => {
  const text = definitions(
    'urn:t',
    `<wsdl:message name="M"><wsdl:part name="v" type="xs:string"/></wsdl:message>
     <wsdl:portType name="PT"><wsdl:operation name="Op"><wsdl:input message="tns:M"/></wsdl:operation></wsdl:portType>
     <wsdl:binding name="Bd" type="tns:PT"><soap:binding/>
       <wsdl:operation name="Op"><wsdl:input/></wsdl:operation></wsdl:binding>
     <wsdl:service name="S"><wsdl:port name="P" binding="tns:Bd"/></wsdl:service>`,
  );
  const { services, diagnostics } = parseOne(text);
  assert.deepEqual(errors(diagnostics), []);
  assert.equal(withCode(diagnostics, 'wsdl-document-type-part').length, 1);
  assert.equal(withCode(diagnostics, 'wsdl-missing-soap-body').length, 1);
  assert.deepEqual(services[0]?.ports[0]?.operations[0]?.input?.body, [{ part: 'v', type: '{http://www.w3.org/2001/XMLSchema}string' }]);
});

test('soap:body inside mime:multipartRelated is found, with a warning about attachment parts', () => {
  const text = definitions(
    'urn:t',
    `<wsdl:message name="M"><wsdl:part name="doc" element="tns:Doc"/><wsdl:part name="file" type="xs:base64Binary"/></wsdl:message>
     <wsdl:portType name="PT"><wsdl:operation name="Op"><wsdl:input message="tns:M"/></wsdl:operation></wsdl:portType>
     <wsdl:binding name="Bd" type="tns:PT"><soap:binding/>
       <wsdl:operation name="Op"><wsdl:input>
         <mime:multipartRelated>
           <mime:part><soap:body parts="doc" use="literal"/></mime:part>
           <mime:part><mime:content part="file" type="application/octet-stream"/></mime:part>
         </mime:multipartRelated>
       </wsdl:input></wsdl:operation></wsdl:binding>
     <wsdl:service name="S"><wsdl:port name="P" binding="tns:Bd"/></wsdl:service>`,
    'xmlns:mime="http://schemas.xmlsoap.org/wsdl/mime/"',
  );
  const { services, diagnostics } = parseOne(text);
  assert.deepEqual(errors(diagnostics), []);
  assert.equal(withCode(diagnostics, 'wsdl-mime-parts').length, 1);
  assert.deepEqual(services[0]?.ports[0]?.operations[0]?.input?.body, [{ part: 'doc', element: '{urn:t}Doc' }]);
});

test('without parts=, a part bound as a MIME attachment is not in the body', () => {
  const text = definitions(
    'urn:t',
    `<wsdl:message name="M"><wsdl:part name="doc" element="tns:Doc"/><wsdl:part name="file" type="xs:base64Binary"/></wsdl:message>
     <wsdl:portType name="PT"><wsdl:operation name="Op"><wsdl:input message="tns:M"/></wsdl:operation></wsdl:portType>
     <wsdl:binding name="Bd" type="tns:PT"><soap:binding/>
       <wsdl:operation name="Op"><wsdl:input>
         <mime:multipartRelated>
           <mime:part><soap:body use="literal"/></mime:part>
           <mime:part><mime:content part="file" type="application/octet-stream"/></mime:part>
         </mime:multipartRelated>
       </wsdl:input></wsdl:operation></wsdl:binding>
     <wsdl:service name="S"><wsdl:port name="P" binding="tns:Bd"/></wsdl:service>`,
    'xmlns:mime="http://schemas.xmlsoap.org/wsdl/mime/"',
  );
  const { services, diagnostics } = parseOne(text);
  assert.deepEqual(errors(diagnostics), []);
  assert.deepEqual(services[0]?.ports[0]?.operations[0]?.input?.body, [{ part: 'doc', element: '{urn:t}Doc' }]);
});

test('use="encoded" is reported as unsupported (warning)', () => {
  const text = definitions(
    'urn:t',
    `<wsdl:message name="M"><wsdl:part name="v" type="xs:string"/></wsdl:message>
     <wsdl:portType name="PT"><wsdl:operation name="Op"><wsdl:input message="tns:M"/></wsdl:operation></wsdl:portType>
     <wsdl:binding name="Bd" type="tns:PT"><soap:binding style="rpc"/>
       <wsdl:operation name="Op"><wsdl:input><soap:body use="encoded" namespace="urn:t" encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"/></wsdl:input></wsdl:operation></wsdl:binding>
     <wsdl:service name="S"><wsdl:port name="P" binding="tns:Bd"/></wsdl:service>`,
  );
  const { diagnostics } = parseOne(text);
  assert.deepEqual(errors(diagnostics), []);
  assert.equal(withCode(diagnostics, 'wsdl-encoded-use').length, 1);
});
