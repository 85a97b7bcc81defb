/** The in-process sandbox and ready-made credentials for each authentication mode. */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { daysFromTodayIn, N8N_TIME_ZONE } from '../../dev/realN8n/calendar';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../dev/sandbox';

export type { Sandbox };

export async function startTestSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	return await startSandbox({ port: 0, quiet: true, ...options });
}

export type CredentialMode = 'jwtSharedSecret' | 'httpSignature' | 'jwtP12' | 'jwtPem' | 'metaKey';

/** A "Cybersource API" credential, as a user would fill it in, pointing at the sandbox. */
export function sandboxCredentials(sandbox: Sandbox, mode: CredentialMode = 'jwtSharedSecret'): ICredentialDataDecryptedObject {
	const { merchant } = sandbox;
	const base = { environment: 'custom', baseUrl: sandbox.url, merchantId: merchant.merchantId };
	switch (mode) {
		case 'jwtSharedSecret':
		case 'httpSignature':
			return { ...base, authMode: mode, accessKeyId: merchant.keyId, sharedSecret: merchant.sharedSecret };
		case 'jwtP12':
			return {
				...base,
				authMode: 'jwtCertificate',
				signingFormat: 'p12',
				p12Certificate: merchant.p12Base64,
				p12Password: merchant.p12Password,
				p12Alias: '',
			};
		case 'jwtPem':
			return {
				...base,
				authMode: 'jwtCertificate',
				signingFormat: 'pem',
				privateKeyPem: merchant.privateKeyPem,
				publicCertificatePem: merchant.certificatePem,
			};
		case 'metaKey': {
			const metaKey = sandbox.metaKeys.find((key) => key.merchantIds.includes(merchant.merchantId));
			if (!metaKey) throw new Error('the sandbox has no meta key for its default merchant');
			return {
				...base,
				authMode: 'jwtSharedSecret',
				useMetaKey: true,
				portfolioId: metaKey.portfolioId,
				accessKeyId: metaKey.keyId,
				sharedSecret: metaKey.sharedSecret,
			};
		}
	}
}

/** A date `days` ahead in the API's format, counted in n8n's zone (where the node's runs live). */
export function futureDate(days = 30): string {
	return daysFromTodayIn(N8N_TIME_ZONE, days, Date.now());
}
