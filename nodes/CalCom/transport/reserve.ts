import type { IExecuteFunctions } from 'n8n-workflow';

import { describeValue, ParameterError } from '../helpers/errors';
import { executionStore } from '../helpers/executionCache';

/** The Rate Limit Reserve option's default, in percent of each limit (see budget.ts). */
export const DEFAULT_RATE_LIMIT_RESERVE_PERCENT = 5;
export const MAX_RATE_LIMIT_RESERVE_PERCENT = 50;
export const RATE_LIMIT_RESERVE_FIELD = 'Rate Limit Reserve (%)';

/**
 * The share of each rate limit an execution leaves unused while other processes use its key: the
 * action node's "Rate Limit Reserve (%)" option, read once per execution context (it takes no
 * expressions, so it is the same for every item); the trigger and the editor's lists use the
 * default.
 */
export function reserveShareOf(context: object): number {
	return executionStore(context, 'rate limit reserve', () => {
		let percent: unknown = DEFAULT_RATE_LIMIT_RESERVE_PERCENT;
		if ('getInputData' in context) {
			percent = (context as IExecuteFunctions).getNodeParameter(
				'options.rateLimitReserve',
				0,
				DEFAULT_RATE_LIMIT_RESERVE_PERCENT,
			);
		}
		return percentToShare(percent);
	});
}

/** A percentage from 0 to 50 as a share; anything else names the option and what it takes. */
export function percentToShare(percent: unknown): number {
	if (
		typeof percent !== 'number' ||
		!Number.isFinite(percent) ||
		percent < 0 ||
		percent > MAX_RATE_LIMIT_RESERVE_PERCENT
	) {
		throw new ParameterError(
			RATE_LIMIT_RESERVE_FIELD,
			`${describeValue(percent)} is not a share of the rate limit; give a number from 0 to ${MAX_RATE_LIMIT_RESERVE_PERCENT} (percent).`,
		);
	}
	return percent / 100;
}
