/**
 * The SOAP client generated code wraps, its options and profiles contract, business-outcome
 * helpers, and the JSON form of values (binary as base64).
 * @packageDocumentation
 */
export * from './operation.js';
export { SoapClient } from './soap-client.js';
export type { ClientOptions, CallOptions, CommonOptions, SoapResponse } from './options.js';
export type { SoapProfile, ProfileContext, ProfileHeader, ProfileRequest } from './profile.js';
export { redactHeaders, SAFE_HTTP_HEADERS, type TraceEvent, type TraceHook } from './trace.js';
export { redactXml, type RedactOptions } from '../xml/redact-xml.js';
export { registryResponseStatus, registryErrors, insiResult, type RegistryStatus, type RegistryErrorInfo, type InsiResult } from './outcomes.js';
export { toJsonValue, elementValueFromJson, typeValueFromJson } from './json-values.js';
