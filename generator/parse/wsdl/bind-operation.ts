/**
 * One operation of a port: the port type operation joined with its SOAP binding operation
 * (style, SOAP action, message layouts, faults, WS-Addressing actions).
 */
import type { XmlElement } from '../../load/xml-tree.js';
import type { ActionSource, Operation } from '../../model/model.js';
import { diagnostic } from '../../model/diagnostics.js';
import { attributeLocationOf, locationOf } from '../../load/location.js';
import type { WsdlIo, WsdlPortType, WsdlPortTypeOperation } from './definitions.js';
import { attr, childElements } from '../../load/xml-elements.js';
import { documentationOf } from './dom.js';
import { defaultMessageAction } from './actions.js';
import { bindMessage, type BindContext, type BoundMessage } from './bind-message.js';
import { bindFaults } from './bind-faults.js';
import { WSDL_NS } from './namespaces.js';
import { soapChild } from './soap-extensions.js';

/** The binding-level facts an operation inherits. */
export type OperationContext = Omit<BindContext, 'style' | 'operation'> & { bindingStyle: 'document' | 'rpc' };

/** Builds the model operation for port type operation `op` bound by `bindingOp`. */
export function bindOperation(op: WsdlPortTypeOperation, portType: WsdlPortType, bindingOp: XmlElement, context: OperationContext): Operation {
  const { diagnostics, doc } = context;
  const soapOp = soapChild(bindingOp, 'operation', context.version, doc, diagnostics);
  const style = operationStyle(soapOp, context);
  const ctx: BindContext = { ...context, style, operation: op.name };

  const bindingInput = childElements(bindingOp, WSDL_NS, 'input')[0] ?? null;
  const bindingOutput = childElements(bindingOp, WSDL_NS, 'output')[0] ?? null;
  checkIoBound('input', op.input, bindingInput, op.name, ctx);
  checkIoBound('output', op.output, bindingOutput, op.name, ctx);
  const input = op.input === null ? null : bindMessage(op.input, bindingInput, ctx);
  const output = op.output === null ? null : bindMessage(op.output, bindingOutput, ctx);

  const inputAction = actionOf(op.input, 'input', op, portType);
  const outputAction = actionOf(op.output, 'output', op, portType);
  const required = soapOp === null ? null : attr(soapOp, 'soapActionRequired');
  const documentation = op.documentation ?? documentationOf(bindingOp, WSDL_NS);
  // Keys in the order of the Operation interface, so that `inspect --json` reads well.
  return {
    name: op.name,
    style,
    pattern: op.pattern,
    soapAction: soapOp === null ? '' : (attr(soapOp, 'soapAction') ?? ''),
    ...(required === null ? {} : { soapActionRequired: required.trim() === 'true' || required.trim() === '1' }),
    inputAction: inputAction.action,
    outputAction: outputAction.action,
    actionSource: { input: inputAction.source, output: outputAction.source },
    input: input?.binding ?? null,
    output: output?.binding ?? null,
    faults: bindFaults(op, portType, bindingOp, ctx),
    ...(documentation === undefined ? {} : { documentation }),
    ...(style === 'rpc' ? { rpcNamespace: rpcNamespace(input, output, bindingOp, ctx) } : {}),
    // Known only once the schema is resolved: set by resolve/mtom.ts.
    mtom: false,
    mtomResponse: false,
    mtomReason: { input: 'none', output: 'none' },
  };
}

function operationStyle(soapOp: XmlElement | null, context: OperationContext): 'document' | 'rpc' {
  const value = soapOp === null ? null : attr(soapOp, 'style');
  if (value === null) return context.bindingStyle;
  if (value === 'document' || value === 'rpc') return value;
  context.diagnostics.push(
    diagnostic(
      'warning',
      attributeLocationOf(soapOp as XmlElement, 'style', context.doc),
      `unknown operation style '${value}'; the binding's style '${context.bindingStyle}' is used`,
      'wsdl-invalid-style',
    ),
  );
  return context.bindingStyle;
}

function checkIoBound(direction: 'input' | 'output', io: WsdlIo | null, bindingIo: XmlElement | null, operation: string, ctx: BindContext): void {
  if (io === null && bindingIo !== null) {
    ctx.diagnostics.push(
      diagnostic(
        'error',
        locationOf(bindingIo, ctx.doc),
        `binding operation '${operation}' binds an ${direction} that its port type operation does not have`,
        'wsdl-io-not-in-port-type',
      ),
    );
  } else if (io !== null && bindingIo === null) {
    ctx.diagnostics.push(
      diagnostic(
        'warning',
        io.at,
        `the ${direction} of operation '${operation}' is not bound in binding ${ctx.binding}; all its parts go in the body`,
        'wsdl-io-not-bound',
      ),
    );
  }
}

function actionOf(
  io: WsdlIo | null,
  direction: 'input' | 'output',
  op: WsdlPortTypeOperation,
  portType: WsdlPortType,
): { action: string | null; source: ActionSource } {
  if (io === null) return { action: null, source: 'none' };
  if (io.action !== null) return { action: io.action, source: 'explicit' };
  return {
    action: defaultMessageAction(portType.namespace, portType.name, op.name, op.pattern, direction, io.name),
    source: 'default',
  };
}

function rpcNamespace(input: BoundMessage | null, output: BoundMessage | null, bindingOp: XmlElement, ctx: BindContext): string {
  const namespace = input?.namespace ?? output?.namespace ?? null;
  if (namespace !== null) return namespace;
  ctx.diagnostics.push(
    diagnostic(
      'warning',
      locationOf(bindingOp, ctx.doc),
      `rpc-style operation '${ctx.operation}' has no soap:body namespace; its wrapper elements are unqualified`,
      'wsdl-rpc-no-namespace',
    ),
  );
  return '';
}
