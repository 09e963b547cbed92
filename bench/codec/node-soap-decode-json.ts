/**
 * The node-soap side of decode-json-cli.ts, as a whole process: load the WSDL, read the SOAP
 * response file, parse it with node-soap 1.13.0 (dev dependency) and print the body as indented
 * JSON, which is what `volet decode` does.
 * Usage (compiled): node dist/bench/codec/node-soap-decode-json.js <wsdl> <file.xml> > out.json
 */
import { readFileSync } from 'node:fs';

interface NodeSoapWsdl {
  xmlToObject(xml: string): { Body: Record<string, unknown> };
}

const [wsdl, file] = process.argv.slice(2);
if (wsdl === undefined || file === undefined) throw new Error('usage: node-soap-decode-json <wsdl> <file.xml>');
const soap = (await import('soap')) as unknown as { createClientAsync(wsdl: string): Promise<{ wsdl: NodeSoapWsdl }> };
const client = await soap.createClientAsync(wsdl);
const body = client.wsdl.xmlToObject(readFileSync(file, 'utf8')).Body;
process.stdout.write(JSON.stringify(body, null, 2) + '\n');
