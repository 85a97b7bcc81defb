/**
 * A client for the sandbox's Cybersource API: raw HTTP, independent signers and a signing `Client`.
 * Used by the sandbox's tests, the product tests, e2e and bench; the sandbox server never imports it.
 */

export { Client, invoiceBody } from './client';
export { rawRequest, type RawResponse } from './rawHttp';
export { digestOf, jwtHs256, jwtRs256, signHttp, type HttpSigInput, type JwtInput } from './signers';
