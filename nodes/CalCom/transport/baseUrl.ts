import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export const CLOUD_API_URL = 'https://api.cal.com';
export const EU_API_URL = 'https://api.cal.eu';

/**
 * The API root for a credential, without `/v2`. The credential's test request computes the same
 * value in an expression; keep the two in step.
 */
export function resolveBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	switch (credentials.environment) {
		case 'eu':
			return EU_API_URL;
		case 'selfHosted': {
			const raw = typeof credentials.baseUrl === 'string' ? credentials.baseUrl.trim() : '';
			return raw.replace(/\/+$/, '').replace(/\/v2$/, '');
		}
		default:
			return CLOUD_API_URL;
	}
}
