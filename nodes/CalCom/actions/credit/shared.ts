import type { IDataObject } from 'n8n-workflow';

import { asRecord } from '../../helpers/json';

/** Cal.com's `{monthlyRemaining, additional}` as two flat fields; null when Cal.com left one out. */
export function simplifyBalance(balance: unknown): IDataObject {
	const record = asRecord(balance);
	return {
		monthlyRemaining: typeof record.monthlyRemaining === 'number' ? record.monthlyRemaining : null,
		additional: typeof record.additional === 'number' ? record.additional : null,
	};
}
