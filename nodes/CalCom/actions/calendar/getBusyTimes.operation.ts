import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { asRecord } from '../../helpers/json';
import { readStartEnd, readTimeoutMs, readTimeZone } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import {
	optionsCollection,
	outputField,
	timeParameter,
	timeZoneField,
} from '../common.descriptions';
import type { CalComAnswer } from '../types';
import {
	calendarsQuery,
	flattenCalendars,
	loadConnectedCalendars,
	parseCalendarRefs,
	resolveCalendars,
	simplifyBusySpan,
} from './shared';

export const description: INodeProperties[] = [
	timeParameter({
		displayName: 'Start',
		name: 'start',
		purpose: 'Beginning of the time to look at',
		readIn: 'node',
		required: true,
	}),
	timeParameter({
		displayName: 'End',
		name: 'end',
		purpose: 'End of the time to look at; it must be after Start',
		readIn: 'node',
		bareDate: 'end',
		required: true,
	}),
	timeZoneField,
	{
		displayName: 'Calendar Names or IDs',
		name: 'calendars',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getCalendars' },
		default: [],
		description:
			'Connected calendars to read, each "<credential ID>:<external ID>" as Calendar → Get Many gives it. Empty: every calendar checked for conflicts, the ones Cal.com counts when it decides whether a time is free. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const timeZone = readTimeZone(this, itemIndex);
	const { start, end } = readStartEnd(this, itemIndex, timeZone);
	const chosen = parseCalendarRefs(this.getNodeParameter('calendars', itemIndex, []));
	const timeoutMs = readTimeoutMs(this, itemIndex);

	const connected = flattenCalendars(await loadConnectedCalendars.call(this, timeoutMs));
	const calendars = resolveCalendars(chosen, connected);
	const data = await calComRequest.call(this, {
		method: 'GET',
		path: '/v2/calendars/busy-times',
		qs: {
			timeZone,
			dateFrom: start.toISOString(),
			dateTo: end.toISOString(),
			...calendarsQuery(calendars),
		},
		timeoutMs,
	});

	const spans = (Array.isArray(data) ? data : []).map(asRecord);
	spans.sort((a, b) => String(a.start).localeCompare(String(b.start)));
	// Cal.com reads from 11 hours before the start to 14 hours after the end (CalendarManager.ts):
	// Simplified keeps the spans that overlap the range asked for.
	const simplify = (span: IDataObject): IDataObject[] => {
		const overlaps =
			Date.parse(String(span.start)) < end.getTime() &&
			Date.parse(String(span.end)) > start.getTime();
		return overlaps ? [simplifyBusySpan(span, timeZone)] : [];
	};
	return { data: spans, simplify };
}
