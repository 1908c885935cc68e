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
