/**
 * The contract between {@link SoapClient} and a transport profile (CI-SIS, CI-TLSi, or one of the
 * caller's own): before each call the profile gives the SOAP header blocks its national transport
 * requires (WS-Addressing, `wsse:Security`, TLSi contexts). Profiles live in `runtime/src/profiles/`.
 */
import type { SchemaDescriptor } from '../codec/descriptors.js';
import type { OperationDescriptor, PortDescriptor } from './operation.js';

/** What a profile knows about the call it prepares. */
export interface ProfileContext {
  /** The schema descriptor of the generated client (profiles encode typed header values with it). */
  readonly schema: SchemaDescriptor;
  readonly port: PortDescriptor;
  readonly operation: OperationDescriptor;
  readonly soapVersion: '1.1' | '1.2';
  /** The WS-Addressing action of the request: the call's `action` option, else the descriptor's. */
  readonly action: string | null;
  /** The endpoint URL the request goes to. */
  readonly endpoint: string;
}

/** One header block a profile adds: its element name (for de-duplication) and its XML, inserted as is. */
export interface ProfileHeader {
  readonly namespace: string;
  readonly local: string;
  /** A self-contained element (it declares the namespaces it uses). */
  readonly xml: string;
}

/** What a profile adds to one request. */
export interface ProfileRequest {
  /** Header blocks, in the order they are to be written. */
  readonly headers: readonly ProfileHeader[];
  /** The `wsa:MessageID` sent, when the profile sends one (the response's RelatesTo is checked against it). */
  readonly messageId?: string;
  /** The `wsa:Action` sent, when the profile sends one. */
  readonly action?: string;
}

/** A transport profile: which headers and security a national transport adds to every request. */
export interface SoapProfile {
  /** Short name, for traces and messages (`cisis`, `tlsi`). */
  readonly name: string;
  /** The header blocks of one request (called once per call: tokens and message ids are fresh). */
  prepare(context: ProfileContext): Promise<ProfileRequest>;
}
