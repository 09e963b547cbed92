/**
 * The mark of streamed attachment values (request sources and received attachments), in a module
 * without imports so the codec can recognise them without loading the file and stream code.
 */

/** Marks an {@link AttachmentSource} (a file/stream to send as an XOP part). */
export const ATTACHMENT_SOURCE = Symbol.for('volet.AttachmentSource');

/** Marks a {@link ReceivedAttachment} (an XOP part written to a file or a sink). */
export const RECEIVED_ATTACHMENT = Symbol.for('volet.ReceivedAttachment');

/** True when `value` is an `AttachmentSource` (from any copy of the runtime). */
export function isAttachmentSource(value: unknown): value is import('./attachment-source.js').AttachmentSource {
  return typeof value === 'object' && value !== null && (value as { [ATTACHMENT_SOURCE]?: unknown })[ATTACHMENT_SOURCE] === true;
}

/** True when `value` is a `ReceivedAttachment` (from any copy of the runtime). */
export function isReceivedAttachment(value: unknown): value is import('./received-attachment.js').ReceivedAttachment {
  return typeof value === 'object' && value !== null && (value as { [RECEIVED_ATTACHMENT]?: unknown })[RECEIVED_ATTACHMENT] === true;
}
