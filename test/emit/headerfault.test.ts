/**
 * `soap:headerfault` reaches the operation descriptors: the header part lists its header faults
 * (part and element key), so the runtime types those header blocks in a fault response.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { runtimeDescriptors } from '../../generator/emit/runtime-descriptors.js';
import { buildModel } from '../../generator/pipeline.js';

const dir = mkdtempSync(join(tmpdir(), 'volet-headerfault-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('a header with a headerfault: the descriptor names the fault block', () => {
  const wsdl = join(dir, 'hf.wsdl');
  writeFileSync(
    wsdl,
    `<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
        xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="urn:t" targetNamespace="urn:t">
      <wsdl:types><xs:schema targetNamespace="urn:t">
        <xs:element name="Body" type="xs:string"/><xs:element name="Auth" type="xs:string"/><xs:element name="AuthFault" type="xs:string"/>
      </xs:schema></wsdl:types>
      <wsdl:message name="M"><wsdl:part name="body" element="tns:Body"/></wsdl:message>
      <wsdl:message name="Headers"><wsdl:part name="auth" element="tns:Auth"/><wsdl:part name="authFault" element="tns:AuthFault"/></wsdl:message>
      <wsdl:portType name="PT"><wsdl:operation name="Op"><wsdl:input message="tns:M"/><wsdl:output message="tns:M"/></wsdl:operation></wsdl:portType>
      <wsdl:binding name="Bd" type="tns:PT"><soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
        <wsdl:operation name="Op"><soap:operation soapAction="op"/>
          <wsdl:input><soap:body use="literal"/>
            <soap:header message="tns:Headers" part="auth" use="literal"><soap:headerfault message="tns:Headers" part="authFault" use="literal"/></soap:header>
          </wsdl:input>
          <wsdl:output><soap:body use="literal"/></wsdl:output>
        </wsdl:operation></wsdl:binding>
      <wsdl:service name="S"><wsdl:port name="P" binding="tns:Bd"><soap:address location="http://localhost/"/></wsdl:port></wsdl:service>
    </wsdl:definitions>`,
  );
  const model = buildModel([wsdl]);
  assert.deepEqual(
    model.diagnostics.filter((d) => d.severity === 'error'),
    [],
  );
  const { schema, ports } = runtimeDescriptors(model);
  const op = Object.values(ports[0]?.descriptor.operations ?? {})[0];
  const header = op?.input?.headers[0];
  assert.equal(schema.elements[header?.element ?? '']?.n, 'Auth');
  assert.equal(header?.faults?.length, 1);
  assert.equal(header?.faults?.[0]?.part, 'authFault');
  assert.equal(schema.elements[header?.faults?.[0]?.element ?? '']?.n, 'AuthFault');
});
