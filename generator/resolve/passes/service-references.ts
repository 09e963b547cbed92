/**
 * Pass: every element and type a WSDL message part names exists in the resolved schema (else an
 * error at the part). Runs after the schema is complete; the check itself is in
 * parse/wsdl/check-references.ts.
 */
import { checkServiceReferences } from '../../parse/wsdl/check-references.js';
import { schemaOf, type ResolvePass } from '../context.js';

/** Checks the services' part references. */
export const serviceReferences: ResolvePass = {
  name: 'service-references',
  run(ctx) {
    if (ctx.services.length > 0) checkServiceReferences(ctx.services, schemaOf(ctx), ctx.diagnostics);
  },
};
