import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

export const CLOUD_API_URL = 'https://api.cal.com';
export const EU_API_URL = 'https://api.cal.eu';

/**
 * The API root for a credential, without `/v2`: a self-hosted Base URL trimmed, without trailing
 * slashes and without one trailing `/v2` (so `https://x`, `https://x/`, `https://x/v2` and
 * `https://x/v2/` are one root); any other path is kept, for a proxy that serves the API under it. The credential's test request computes the same
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

/**
 * Why a base URL cannot be one (the Self-Hosted Base URL as resolveBaseUrl leaves it), or
 * undefined: it must start with http:// or https:// and a host. Checked before any request.
 */
export function baseUrlProblem(baseUrl: string): string | undefined {
	if (/^https?:\/\/[^/\s?#]+/i.test(baseUrl)) return undefined;
	const what = baseUrl ? `"${baseUrl}" is not a web address` : 'it is empty';
	return `Base URL: ${what}. Give the address of your Cal.com API v2 server with http:// or https://, e.g. http://localhost:5555 or https://cal-api.example.com (Cal.com API credential, Self-Hosted).`;
}
