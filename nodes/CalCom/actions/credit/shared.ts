import type { IDataObject } from 'n8n-workflow';

/** Cal.com's `{monthlyRemaining, additional}` as two flat fields; null when Cal.com left one out. */
export function simplifyBalance(balance: unknown): IDataObject {
	const record = typeof balance === 'object' && balance !== null ? (balance as IDataObject) : {};
	return {
		monthlyRemaining: typeof record.monthlyRemaining === 'number' ? record.monthlyRemaining : null,
		additional: typeof record.additional === 'number' ? record.additional : null,
	};
}
