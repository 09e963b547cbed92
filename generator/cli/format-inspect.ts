/**
 * The human view of `volet inspect`: services → ports → operations as an indented tree, then what
 * the schemas hold and what the services reach.
 */
import type { ActionSource, MessageBinding, Model, MtomReason, Operation, Port, Service } from '../model/model.js';
import { IHE_MTOM_ACTIONS } from '../resolve/mtom.js';

const INDENT = '  ';

/** Formats the services and schema summary of a model (diagnostics are printed separately). */
export function formatInspect(model: Model): string {
  const lines: string[] = [];
  if (model.services.length === 0) {
    // An XSD-only description: every reached global element may be a document root.
    const roots = model.schema.elements.filter((e) => e.reached && !e.abstract).map((e) => e.name);
    lines.push(roots.length === 0 ? 'no services' : `no services; document roots (global elements): ${roots.length}`);
    for (const name of roots) lines.push(`${INDENT}${name}`);
  }
  for (const service of model.services) formatService(service, lines);
  lines.push('', formatSchemaSummary(model));
  return lines.join('\n') + '\n';
}

function formatService(service: Service, lines: string[]): void {
  lines.push(`service ${service.name} (${service.namespace})`);
  if (service.ports.length === 0) lines.push(`${INDENT}no SOAP ports`);
  for (const port of service.ports) formatPort(port, lines);
}

function formatPort(port: Port, lines: string[]): void {
  const p = INDENT;
  lines.push(`${p}port ${port.name}: SOAP ${port.soapVersion}, ${port.style}`);
  lines.push(`${p}${INDENT}binding:   ${port.binding}`);
  lines.push(`${p}${INDENT}port type: ${port.portType}`);
  lines.push(`${p}${INDENT}address:   ${port.address === null ? '(none)' : port.address === '' ? '(empty)' : port.address}`);
  for (const op of port.operations) formatOperation(op, lines, p + INDENT);
}

function actionText(action: string | null, source: ActionSource): string {
  return action === null ? '(none)' : `${action} (${source})`;
}

function formatOperation(op: Operation, lines: string[], p: string): void {
  const q = p + INDENT;
  lines.push(`${p}operation ${op.name}: ${op.style}, ${op.pattern}`);
  const required = op.soapActionRequired === undefined ? '' : ` (required: ${op.soapActionRequired})`;
  lines.push(`${q}soapAction:      ${op.soapAction === '' ? '(empty)' : op.soapAction}${required}`);
  lines.push(`${q}request action:  ${actionText(op.inputAction, op.actionSource.input)}`);
  lines.push(`${q}response action: ${actionText(op.outputAction, op.actionSource.output)}`);
  const mtom = mtomText(op);
  if (mtom !== null) lines.push(`${q}mtom:            ${mtom}`);
  if (op.rpcNamespace !== undefined) lines.push(`${q}rpc namespace:   ${op.rpcNamespace === '' ? '(none)' : op.rpcNamespace}`);
  formatMessage('input', op.input, lines, q);
  formatMessage('output', op.output, lines, q);
  for (const fault of op.faults) {
    lines.push(`${q}fault ${fault.name}: ${fault.element ?? '(untyped detail)'}`);
    lines.push(`${q}${INDENT}action: ${fault.action ?? '(none)'}`);
  }
}

/** Why a message is MTOM, in words. */
function mtomWhy(reason: MtomReason, op: Operation): string {
  if (reason === 'xmime') return 'xmime:expectedContentTypes in the schema';
  if (reason === 'config') return 'volet.config.json';
  const ihe = op.inputAction === null ? undefined : IHE_MTOM_ACTIONS.get(op.inputAction);
  return `IHE ${ihe?.transaction ?? ''} action`.replace('  ', ' ');
}

/**
 * Which messages of an operation are MTOM and why (`request (IHE ITI-41 action)`), or null when
 * neither is and nothing was configured.
 */
export function mtomText(op: Operation): string | null {
  const parts: string[] = [];
  if (op.mtom) parts.push(`request (${mtomWhy(op.mtomReason.input, op)})`);
  else if (op.mtomReason.input === 'config') parts.push('request off (volet.config.json)');
  if (op.mtomResponse) parts.push(`response (${mtomWhy(op.mtomReason.output, op)})`);
  return parts.length === 0 ? null : parts.join(', ');
}

function formatMessage(label: 'input' | 'output', binding: MessageBinding | null, lines: string[], p: string): void {
  if (binding === null) return;
  const q = p + INDENT;
  lines.push(`${p}${label} ${binding.message}`);
  if (binding.body.length === 0) lines.push(`${q}body: (empty)`);
  for (const part of binding.body) {
    lines.push('element' in part ? `${q}body ${part.part}: element ${part.element}` : `${q}body ${part.part}: type ${part.type}`);
  }
  for (const header of binding.headers) {
    const from = header.message === binding.message ? '' : ` (from ${header.message})`;
    lines.push(`${q}header ${header.part}: element ${header.element}${from}`);
    for (const fault of header.headerFaults) lines.push(`${q}${INDENT}header fault ${fault.part}: element ${fault.element}`);
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function formatSchemaSummary(model: Model): string {
  const { schema } = model;
  const typesReached = schema.types.filter((t) => t.reached).length;
  const elementsReached = schema.elements.filter((e) => e.reached).length;
  return (
    `schema: ${typesReached} of ${plural(schema.types.length, 'type')} reached, ` +
    `${elementsReached} of ${plural(schema.elements.length, 'global element')} reached, ` +
    `${plural(schema.namespaces.length, 'namespace')}, ${plural(model.sources.length, 'file')} read`
  );
}
