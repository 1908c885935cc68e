import type { IExecuteFunctions } from 'n8n-workflow';

import type { CalComAnswer } from '../types';
import { readRecords, recordDescription, simplifyCalendarLink } from './records';

export const description = recordDescription;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	return await readRecords(this, itemIndex, 'calendar-links', simplifyCalendarLink);
}
