/**
 * @volet/runtime — the runtime shared by every volet-generated client.
 * @packageDocumentation
 */
export const RUNTIME_VERSION = '0.1.0';
export * from './client/index.js';
export * from './security/index.js';
export * from './errors/index.js';
export * from './xml/index.js';
export * from './codec/index.js';
export * from './http/index.js';
export * from './mtom/index.js';
export * from './addressing/index.js';
export * from './soap/index.js';
export * from './profiles/index.js';
