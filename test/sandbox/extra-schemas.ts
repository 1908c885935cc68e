/**
 * JSON schemas for what the saved OpenAPI document (snapshot of 2026-03-11) lacks, written
 * by us from API-NOTES (§4.1, §4.4, §5, §7) and the operation pages of Cal.com's live docs.
 * The validator uses them exactly like the spec. Exactly these endpoints and versions:
 *
 *   GET    /v2/credits/available                                  (unversioned)  new operation
 *   POST   /v2/credits/charge                                     (unversioned)  new operation
 *   GET    /v2/event-types/{eventTypeId}/booking-fields           2026-06-12     new operation
 *   POST   /v2/event-types/{eventTypeId}/booking-fields           2026-06-12     new operation (add custom fields)
 *   PUT    /v2/event-types/{eventTypeId}/booking-fields           2026-06-12     new operation (replace all)
 *   PATCH  /v2/event-types/{eventTypeId}/booking-fields           2026-06-12     new operation (update by slug)
 *   DELETE /v2/event-types/{eventTypeId}/booking-fields/{slug}    2026-06-12     new operation
 *   GET    /v2/bookings   with 2026-05-01: cursor paging — `limit` (1–100), `cursor`, a single
 *                         `status`; `take`/`skip` are not part of that version    (overlay)
 *   POST   /v2/bookings   with 2026-02-25: body also takes `allowConflicts`,
 *                         `allowBookingOutOfBounds`, `skipBookingLimits`          (overlay)
 *   GET    /v2/calendars/busy-times: `calendarsToLoad[i][credentialId|externalId]` as Cal.com
 *                         reads it, replacing the document's flattened scalars (extra-calendar-schemas.ts)
 *   Webhooks at every scope (/v2/webhooks, /v2/event-types/{id}/webhooks,
 *   /v2/teams/{teamId}/event-types/{id}/webhooks, /v2/organizations/{orgId}/webhooks):
 *                         the 28 live triggers, `version` 2026-07-27, `time`/`timeUnit`, UUID
 *                         ids in outputs — in extra-webhook-schemas.ts, replacing the
 *                         document's own operations (see there)                 (unversioned)
 *
 * Refs inside EXTRA_DOCUMENT point at its own components ('#/components/schemas/…');
 * nothing here is copied from Cal.com's document.
 */

import { CALENDAR_OPERATIONS, CALENDAR_SCHEMAS } from './extra-calendar-schemas';
import { WEBHOOK_OPERATIONS, WEBHOOK_SCHEMAS } from './extra-webhook-schemas';

export type JsonSchema = Record<string, unknown>;

export const EXTRA_DOCUMENT_ID = 'sandbox-extra.json';

export interface ExtraParameter {
	name: string;
	in: 'query' | 'path';
	required?: boolean;
	schema: JsonSchema;
	/** A list of objects sent as `name[0][prop]=…`, as Express's qs parser reads it. */
	deepObject?: boolean;
}

export interface ExtraOperation {
	method: string;
	template: string;
	auth: 'required' | 'optional' | 'none';
	parameters: ExtraParameter[];
	/** A $ref into EXTRA_DOCUMENT's components, e.g. '#/components/schemas/ChargeCreditsInput'. */
	requestBody?: { required: boolean; ref: string };
	/** status → $ref of the response schema (for response checks in tests). */
	responses: Record<string, string>;
}

export interface VersionOverlay {
	method: string;
	template: string;
	version: string;
	/** Query parameters that exist only in this version (replacing a spec one of the same name). */
	addQuery?: ExtraParameter[];
	/** Spec query parameters this version does not take. */
	removeQuery?: string[];
	/** Body properties this version adds to every variant of the spec's body. */
	addBodyProperties?: Record<string, JsonSchema>;
}

const str = { type: 'string' };
const bool = { type: 'boolean' };
const strArray = { type: 'array', items: { type: 'string' } };
const eventTypeIdParam: ExtraParameter = {
	name: 'eventTypeId',
	in: 'path',
	required: true,
	schema: { type: 'number' },
};

const fieldCommon = {
	label: str,
	required: bool,
	hidden: bool,
	placeholder: str,
	disableOnPrefill: bool,
};

const CUSTOM_FIELD_TYPES = [
	'email',
	'phone',
	'address',
	'shortText',
	'number',
	'longText',
	'select',
	'multiSelect',
	'multiEmail',
	'checkboxGroup',
	'checkbox',
	'radioGroup',
	'url',
];
const SYSTEM_FIELDS = [
	'email',
	'location',
	'title',
	'notes',
	'guests',
	'rescheduleReason',
	'attendeePhoneNumber',
	'smsReminderNumber',
	'aiAgentCallPhoneNumber',
];

const nameFieldProperties = {
	field: { type: 'string', enum: ['name'] },
	slug: { type: 'string', enum: ['name'] },
	variant: { type: 'string', enum: ['fullName', 'splitName'] },
	label: str,
	placeholder: str,
	disableOnPrefill: bool,
	firstNameLabel: str,
	firstNamePlaceholder: str,
	lastNameLabel: str,
	lastNamePlaceholder: str,
	lastNameRequired: bool,
};

const customFieldProperties = {
	field: { type: 'string', enum: ['custom'] },
	slug: { type: 'string', pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$' },
	type: { type: 'string', enum: CUSTOM_FIELD_TYPES },
	...fieldCommon,
	options: strArray,
	minLength: { type: 'number', minimum: 0, maximum: 1000 },
	maxLength: { type: 'number', minimum: 0, maximum: 1000 },
	excludeEmails: strArray,
	requireEmails: strArray,
};

const systemFieldProperties = {
	field: { type: 'string', enum: SYSTEM_FIELDS },
	slug: str,
	...fieldCommon,
	excludeEmails: strArray,
	requireEmails: strArray,
};

/** Every property an existing field may change (PATCH): all of them but `field` and `type`. */
function patchFieldProperties(): Record<string, JsonSchema> {
	const all: Record<string, JsonSchema> = {
		...customFieldProperties,
		...nameFieldProperties,
		slug: str,
	};
	delete all.field;
	delete all.type;
	return all;
}

export const EXTRA_DOCUMENT = {
	components: {
		schemas: {
			...WEBHOOK_SCHEMAS,
			...CALENDAR_SCHEMAS,
			CreditsBalance: {
				type: 'object',
				properties: { monthlyRemaining: { type: 'number' }, additional: { type: 'number' } },
				required: ['monthlyRemaining', 'additional'],
			},
			GetAvailableCreditsOutput: {
				type: 'object',
				properties: {
					status: { type: 'string', enum: ['success', 'error'] },
					data: {
						type: 'object',
						properties: {
							hasCredits: bool,
							balance: { $ref: '#/components/schemas/CreditsBalance' },
						},
						required: ['hasCredits', 'balance'],
					},
				},
				required: ['status', 'data'],
			},
			ChargeCreditsInput: {
				type: 'object',
				properties: {
					credits: { type: 'number', minimum: 1 },
					creditFor: { type: 'string', enum: ['SMS', 'CAL_AI_PHONE_CALL', 'AI_AGENT'] },
					// Cal.com's idempotency key for charges.
					externalRef: str,
				},
				required: ['credits', 'creditFor'],
			},
			ChargeCreditsOutput: {
				type: 'object',
				properties: {
					status: { type: 'string', enum: ['success', 'error'] },
					data: {
						type: 'object',
						properties: {
							charged: bool,
							teamId: { type: 'number' },
							remainingBalance: { $ref: '#/components/schemas/CreditsBalance' },
						},
						required: ['charged', 'remainingBalance'],
					},
				},
				required: ['status', 'data'],
			},
			BookingFieldInput_2026_06_12: {
				anyOf: [
					{ type: 'object', properties: nameFieldProperties, required: ['field', 'variant'] },
					{ type: 'object', properties: systemFieldProperties, required: ['field'] },
					{
						type: 'object',
						properties: customFieldProperties,
						required: ['field', 'slug', 'label', 'type'],
						if: {
							properties: {
								type: { enum: ['select', 'multiSelect', 'checkboxGroup', 'radioGroup'] },
							},
						},
						then: { required: ['options'] },
					},
				],
			},
			BookingFieldsInput_2026_06_12: {
				type: 'object',
				properties: {
					bookingFields: {
						type: 'array',
						minItems: 1,
						items: { $ref: '#/components/schemas/BookingFieldInput_2026_06_12' },
					},
				},
				required: ['bookingFields'],
			},
			PatchBookingFieldsInput_2026_06_12: {
				type: 'object',
				properties: {
					bookingFields: {
						type: 'array',
						minItems: 1,
						items: {
							// Identified by slug; `field` and a custom field's `type` cannot change.
							type: 'object',
							properties: patchFieldProperties(),
							required: ['slug'],
							minProperties: 2,
						},
					},
				},
				required: ['bookingFields'],
			},
			BookingFieldsOutput_2026_06_12: {
				type: 'object',
				properties: {
					status: { type: 'string', enum: ['success', 'error'] },
					data: {
						type: 'object',
						properties: {
							bookingFields: {
								type: 'array',
								items: {
									type: 'object',
									properties: { field: str, slug: str, type: str },
									required: ['slug'],
								},
							},
						},
						required: ['bookingFields'],
					},
				},
				required: ['status', 'data'],
			},
		},
	},
};

const BOOKING_FIELDS = '/v2/event-types/{eventTypeId}/booking-fields';
const FIELDS_OUT = '#/components/schemas/BookingFieldsOutput_2026_06_12';

export const EXTRA_OPERATIONS: readonly ExtraOperation[] = [
	{
		method: 'GET',
		template: '/v2/credits/available',
		auth: 'required',
		parameters: [],
		responses: { '200': '#/components/schemas/GetAvailableCreditsOutput' },
	},
	{
		method: 'POST',
		template: '/v2/credits/charge',
		auth: 'required',
		parameters: [],
		requestBody: { required: true, ref: '#/components/schemas/ChargeCreditsInput' },
		responses: { '200': '#/components/schemas/ChargeCreditsOutput' },
	},
	{
		method: 'GET',
		template: BOOKING_FIELDS,
		auth: 'required',
		parameters: [eventTypeIdParam],
		responses: { '200': FIELDS_OUT },
	},
	{
		method: 'POST',
		template: BOOKING_FIELDS,
		auth: 'required',
		parameters: [eventTypeIdParam],
		requestBody: { required: true, ref: '#/components/schemas/BookingFieldsInput_2026_06_12' },
		responses: { '201': FIELDS_OUT },
	},
	{
		method: 'PUT',
		template: BOOKING_FIELDS,
		auth: 'required',
		parameters: [eventTypeIdParam],
		requestBody: { required: true, ref: '#/components/schemas/BookingFieldsInput_2026_06_12' },
		responses: { '200': FIELDS_OUT },
	},
	{
		method: 'PATCH',
		template: BOOKING_FIELDS,
		auth: 'required',
		parameters: [eventTypeIdParam],
		requestBody: { required: true, ref: '#/components/schemas/PatchBookingFieldsInput_2026_06_12' },
		responses: { '200': FIELDS_OUT },
	},
	{
		method: 'DELETE',
		template: `${BOOKING_FIELDS}/{slug}`,
		auth: 'required',
		parameters: [eventTypeIdParam, { name: 'slug', in: 'path', required: true, schema: str }],
		responses: { '200': FIELDS_OUT },
	},
	...WEBHOOK_OPERATIONS,
	...CALENDAR_OPERATIONS,
];

export const VERSION_OVERLAYS: readonly VersionOverlay[] = [
	{
		method: 'GET',
		template: '/v2/bookings',
		version: '2026-05-01',
		removeQuery: ['take', 'skip'],
		addQuery: [
			// One status per request in this version (omitted = all statuses).
			{
				name: 'status',
				in: 'query',
				schema: {
					type: 'string',
					enum: ['upcoming', 'recurring', 'past', 'cancelled', 'unconfirmed'],
				},
			},
			{ name: 'limit', in: 'query', schema: { type: 'number', minimum: 1, maximum: 100 } },
			{ name: 'cursor', in: 'query', schema: { type: 'string' } },
		],
	},
	{
		method: 'POST',
		template: '/v2/bookings',
		version: '2026-02-25',
		// Honoured by Cal.com only when the caller is a host of the event type.
		addBodyProperties: {
			allowConflicts: bool,
			allowBookingOutOfBounds: bool,
			skipBookingLimits: bool,
		},
	},
];
