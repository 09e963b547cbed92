/**
 * WS-Addressing header blocks as profile headers (with their element names, for de-duplication).
 */
import { buildAddressingHeaders, WSA_NS, type AddressingOptions } from '../addressing/index.js';
import type { ProfileHeader } from '../client/profile.js';

/** The blocks {@link buildAddressingHeaders} writes, named, and the MessageID sent. */
export function addressingBlocks(options: AddressingOptions): { headers: ProfileHeader[]; messageId: string } {
  const wsa = buildAddressingHeaders(options);
  const names = ['MessageID', ...(wsa.to !== undefined ? ['To'] : []), ...(wsa.replyTo !== undefined ? ['ReplyTo'] : []), 'Action'];
  return { headers: wsa.blocks.map((xml, i) => ({ namespace: WSA_NS, local: names[i], xml })), messageId: wsa.messageId };
}
