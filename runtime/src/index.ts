/**
 * @volet/runtime — the runtime shared by every volet-generated client.
 * @packageDocumentation
 */
export const RUNTIME_VERSION = '0.1.0';
export * from './client/index.js';
