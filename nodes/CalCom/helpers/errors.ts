/**
 * A parameter that is wrong before any request is made. Thrown by pure helpers; the router turns
 * it into a NodeOperationError on the item it belongs to.
 */
export class ParameterError extends Error {
	constructor(
		/** The parameter's display name, as the user sees it in the editor. */
		readonly field: string,
		message: string,
		readonly hint?: string,
	) {
		super(`${field}: ${message}`);
		this.name = 'ParameterError';
	}
}

/**
 * A value as an error shows it: text quoted (cut when long), numbers as numbers, and what an
 * object or a list is rather than "[object Object]".
 */
export function describeValue(value: unknown): string {
	if (value === undefined || value === null || (typeof value === 'string' && value.trim() === ''))
		return 'nothing';
	if (typeof value === 'string') {
		const text = value.trim();
		return `"${text.length > 60 ? `${text.slice(0, 60)}…" (${text.length} characters)` : `${text}"`}`;
	}
	if (typeof value === 'number' || typeof value === 'boolean')
		return `the ${typeof value} ${String(value)}`;
	if (Array.isArray(value)) return 'a list';
	return 'an object';
}
