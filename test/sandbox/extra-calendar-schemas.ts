/**
 * GET /v2/calendars/busy-times as Cal.com reads its query, which the saved document describes
 * wrongly. Written by us from Cal.com's DTO (packages/platform/types/calendars/inputs/
 * calendar-busy-times.input.ts, CalendarBusyTimesInput) and the controller's own example
 * (apps/api/v2/src/ee/calendars/controllers/calendars.controller.ts); nothing is copied.
 *
 * The document flattens the nested `calendarsToLoad: Calendar[]` into two required scalar query
 * parameters `credentialId` and `externalId` (a swagger artefact of @ApiProperty on the nested
 * class). Cal.com's Express app reads the query with qs, so the calendars come as
 * `calendarsToLoad[0][credentialId]=135&calendarsToLoad[0][externalId]=…` — what the controller's
 * description shows. This operation REPLACES the document's: `dateFrom`, `dateTo`, `timeZone`,
 * the deprecated `loggedInUsersTz`, and `calendarsToLoad` as a list of objects.
 */
import type { ExtraOperation, JsonSchema } from './extra-schemas';

const str = { type: 'string' };

export const CALENDAR_SCHEMAS: Record<string, JsonSchema> = {
	BusyTimesOutput_Live: {
		type: 'object',
		properties: {
			status: { type: 'string', enum: ['success', 'error'] },
			data: {
				type: 'array',
				items: {
					type: 'object',
					properties: {
						start: { type: 'string', format: 'date-time' },
						end: { type: 'string', format: 'date-time' },
						source: { type: 'string', nullable: true },
					},
					required: ['start', 'end'],
				},
			},
		},
		required: ['status', 'data'],
	},
};

export const CALENDAR_OPERATIONS: ExtraOperation[] = [
	{
		method: 'GET',
		template: '/v2/calendars/busy-times',
		auth: 'required',
		parameters: [
			{ name: 'loggedInUsersTz', in: 'query', schema: str },
			{ name: 'timeZone', in: 'query', schema: str },
			// @IsDateString on both: required by the DTO although the document says optional.
			{ name: 'dateFrom', in: 'query', required: true, schema: str },
			{ name: 'dateTo', in: 'query', required: true, schema: str },
			{
				name: 'calendarsToLoad',
				in: 'query',
				required: true,
				deepObject: true,
				schema: {
					type: 'array',
					items: {
						type: 'object',
						properties: { credentialId: { type: 'number' }, externalId: str },
						required: ['credentialId', 'externalId'],
					},
				},
			},
		],
		responses: { '200': '#/components/schemas/BusyTimesOutput_Live' },
	},
];
