/** Picks the verifier from the request's credentials: a Bearer JWT or an HTTP Signature. */

import type { MerchantRegistry } from '../domain/merchants';
import { AuthRequest, AuthResult, fail, headerValue } from './common';
import { verifyHttpSignature } from './httpSignature';
import { verifyJwt } from './jwt';

export type { AuthRequest, AuthResult } from './common';

export function authenticate(req: AuthRequest, registry: MerchantRegistry): AuthResult {
	const authorization = headerValue(req.headers, 'authorization');
	if (authorization !== undefined) {
		const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
		if (!match) return fail('authorization header is not "Bearer <jwt>"');
		return verifyJwt(req, match[1], registry);
	}
	if (headerValue(req.headers, 'signature') !== undefined)
		return verifyHttpSignature(req, registry);
	return fail('no signature header or bearer token');
}
