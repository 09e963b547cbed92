export * from './operation.js';
export * from './soap-client.js';
