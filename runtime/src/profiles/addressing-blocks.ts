/**
 * WS-Addressing for the profiles: header blocks as profile headers (with their element names, for
 * de-duplication), and the action both profiles require.
 */
import { buildAddressingHeaders, WSA_NS, type AddressingOptions } from '../addressing/index.js';
import type { ProfileContext, ProfileHeader } from '../client/profile.js';
import { SecurityError } from '../security/errors.js';

/** The blocks {@link buildAddressingHeaders} writes, named, and the MessageID sent. */
export function addressingBlocks(options: AddressingOptions): { headers: ProfileHeader[]; messageId: string } {
  const wsa = buildAddressingHeaders(options);
  const names = ['MessageID', ...(wsa.to !== undefined ? ['To'] : []), ...(wsa.replyTo !== undefined ? ['ReplyTo'] : []), 'Action'];
  return { headers: wsa.blocks.map((xml, i) => ({ namespace: WSA_NS, local: names[i], xml })), messageId: wsa.messageId };
}

/** The operation's WS-Addressing action, which both national profiles require. Throws `SecurityError` `invalid-input` when there is none. */
export function requiredAction(context: ProfileContext): string {
  if (context.action === null || context.action === '') {
    throw new SecurityError('invalid-input', `operation ${context.operation.name} has no WS-Addressing action; pass the action call option`);
  }
  return context.action;
}
