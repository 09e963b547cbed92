/**
 * WS-Addressing 1.0: request header blocks for the CI-SIS and CI-TLSi profiles, reading response
 * headers, and the RelatesTo check.
 * @packageDocumentation
 */
export { WSA_NS, WSA_ANONYMOUS, WSA_REPLY } from './constants.js';
export type { SoapVersion } from './constants.js';
export { AddressingError } from './addressing-error.js';
export type { AddressingErrorCode } from './addressing-error.js';
export { newMessageId } from './message-id.js';
export type { MessageIdStyle } from './message-id.js';
export { buildAddressingHeaders, CISIS_ADDRESSING, TLSI_ADDRESSING } from './request-headers.js';
export type { AddressingOptions, AddressingProfile, AddressingHeaders, AddressingHeaderName } from './request-headers.js';
export { readAddressingHeaders } from './read-headers.js';
export type { ResponseAddressing, RelatesTo, ReadAddressingOptions } from './read-headers.js';
export { checkRelatesTo } from './relates-to.js';
export type { RelatesToMode, RelatesToResult, RelatesToOptions } from './relates-to.js';
