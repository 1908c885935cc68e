/**
 * Checks a response body against the response schema Cal.com's document declares for it,
 * with the known disagreements of spec-exceptions.ts applied (SPEC_EXCEPTIONS lists them).
 * Used by the sandbox's own tests on its answers, and usable by any test that wants to
 * know whether something the sandbox (or a recording of Cal.com) returned has the documented shape.
 */
import { OPENAPI_PATH } from '../shared-path';

import { ContractValidator } from './validator';

let validator: ContractValidator | undefined;

/** [] when `body` matches the documented response of `method template` with `status`. */
export function responseProblems(
	method: string,
	template: string,
	status: number,
	body: unknown,
	version?: string,
): string[] {
	validator ??= new ContractValidator(OPENAPI_PATH);
	return validator.checkResponse(method, template, status, body, version);
}

export { SPEC_EXCEPTIONS } from './spec-exceptions';
