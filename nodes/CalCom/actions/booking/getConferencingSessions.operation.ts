import type { IExecuteFunctions } from 'n8n-workflow';

import type { CalComAnswer } from '../types';
import { readRecords, recordDescription, simplifySession } from './records';

export const description = recordDescription;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	return await readRecords(this, itemIndex, 'conferencing-sessions', simplifySession);
}
