import type { INode } from 'n8n-workflow';

/**
 * Cal.com's refusals of an OAuth token's scope (apps/api/v2/src/modules/auth/guards/
 * oauth-permissions/oauth-permissions.guard.ts), 403 with:
 *   "insufficient_scope: token does not have the required scopes. Required: A, B. Token has: …"
 *   "insufficient_scope: this endpoint is not available for third-party OAuth tokens"
 */
const MISSING =
	/insufficient_scope: token does not have the required scopes\. Required: ([A-Z_, ]+)\./;
const NOT_FOR_OAUTH =
	'insufficient_scope: this endpoint is not available for third-party OAuth tokens';

function words(value: string): string {
	const spaced = value.replace(/([a-z])([A-Z])/g, '$1 $2');
	return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** "Booking → Get Many" from the node's parameters, or the request for nodes without them. */
export function operationLabel(node: INode, method: string, path: string): string {
	const { resource, operation } = node.parameters ?? {};
	if (typeof resource === 'string' && typeof operation === 'string')
		return `${words(resource)} → ${words(operation)}`;
	return `${method} ${path.split('?')[0]}`;
}

/** The message and hint for a scope refusal, or undefined when the 403 is about something else. */
export function scopeExplanation(
	calMessage: string | undefined,
	operation: string,
): [string, string] | undefined {
	if (!calMessage) return undefined;
	const missing = MISSING.exec(calMessage);
	if (missing) {
		const scopes = missing[1]
			.split(',')
			.map((s) => s.trim())
			.filter(Boolean);
		const list = scopes.join(', ');
		return [
			`${operation} needs the Cal.com OAuth scope ${list}, which this connection was not granted`,
			`Add ${list} under Scopes in the Cal.com OAuth2 credential (and to your OAuth client in Cal.com under Settings → Developer → OAuth if it is not registered there), then reconnect the credential.`,
		];
	}
	if (calMessage.includes(NOT_FOR_OAUTH)) {
		return [
			`${operation} is not available with a Cal.com OAuth2 connection`,
			'Cal.com does not let OAuth apps call this endpoint. Use the API key credential (Authentication: API Key) for this node.',
		];
	}
	return undefined;
}

/**
 * n8n-core's own error when Cal.com refused to renew the access token (its OAuth2 helper marks it
 * `failure.cause: 'credential-invalid'` and says the credential "needs to be reconnected"): only
 * reconnecting helps, so it is neither retried nor reworded.
 */
export function isReconnectError(error: unknown): boolean {
	const seen = new Set<unknown>();
	let current: unknown = error;
	while (typeof current === 'object' && current !== null && !seen.has(current)) {
		seen.add(current);
		const failure = (current as { failure?: { cause?: unknown } }).failure;
		if (failure?.cause === 'credential-invalid') return true;
		current = (current as { cause?: unknown }).cause;
	}
	return false;
}
