/**
 * Webhook management as Cal.com serves it today, which the saved document (2026-03-11) only
 * partly describes (API-NOTES §8.1, §8.2). Written by us; nothing is copied from Cal.com.
 *
 * What differs from the saved document, and why these operations REPLACE the document's own
 * (operations.ts lets an extra operation with the same method and template win):
 *   - `triggers`: the document's enum has 21 values; the live docs list 28 (BOOKING_LOCATION_UPDATED,
 *     BOOKING_REASSIGNED, INSTANT_MEETING_ACCEPTED, DELEGATION_CREDENTIAL_SECRET_ROTATION_FAILED,
 *     DELEGATION_CREDENTIAL_ROTATION_REQUIRED, DELEGATION_CREDENTIAL_SECRET_ROTATED,
 *     CALENDAR_ENTRY_REJECTED).
 *   - `version`: the document allows only 2021-10-20; the live docs add 2026-07-27.
 *   - `time` / `timeUnit`: not in the document; the live docs take them for the
 *     AFTER_*_CAL_VIDEO_NO_SHOW triggers.
 *   - outputs: `id` is a UUID string (the document says number), `payloadTemplate` may be null,
 *     and `version`, `time`, `timeUnit` are returned.
 *   - organization scope: the document marks Authorization optional there (OAuth clients may use
 *     x-cal-secret-key instead); the sandbox only has API keys, so it requires one.
 */
import type { ExtraOperation, ExtraParameter, JsonSchema } from './extra-schemas';

/** Every trigger Cal.com API v2 accepts: 21 in the saved document + 7 from the live docs. */
export const WEBHOOK_TRIGGERS = [
	'BOOKING_CREATED',
	'BOOKING_PAYMENT_INITIATED',
	'BOOKING_PAID',
	'BOOKING_RESCHEDULED',
	'BOOKING_REQUESTED',
	'BOOKING_CANCELLED',
	'BOOKING_REJECTED',
	'BOOKING_NO_SHOW_UPDATED',
	'FORM_SUBMITTED',
	'MEETING_ENDED',
	'MEETING_STARTED',
	'RECORDING_READY',
	'INSTANT_MEETING',
	'RECORDING_TRANSCRIPTION_GENERATED',
	'OOO_CREATED',
	'AFTER_HOSTS_CAL_VIDEO_NO_SHOW',
	'AFTER_GUESTS_CAL_VIDEO_NO_SHOW',
	'FORM_SUBMITTED_NO_EVENT',
	'ROUTING_FORM_FALLBACK_HIT',
	'DELEGATION_CREDENTIAL_ERROR',
	'WRONG_ASSIGNMENT_REPORT',
	// Live docs only:
	'BOOKING_LOCATION_UPDATED',
	'BOOKING_REASSIGNED',
	'INSTANT_MEETING_ACCEPTED',
	'DELEGATION_CREDENTIAL_SECRET_ROTATION_FAILED',
	'DELEGATION_CREDENTIAL_ROTATION_REQUIRED',
	'DELEGATION_CREDENTIAL_SECRET_ROTATED',
	'CALENDAR_ENTRY_REJECTED',
] as const;

export const WEBHOOK_VERSIONS = ['2021-10-20', '2026-07-27'] as const;
export const WEBHOOK_TIME_UNITS = ['DAY', 'HOUR', 'MINUTE'] as const;

const str = { type: 'string' };
const bool = { type: 'boolean' };
const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });

const inputProperties: Record<string, JsonSchema> = {
	payloadTemplate: str,
	active: bool,
	subscriberUrl: str,
	triggers: { type: 'array', items: { type: 'string', enum: [...WEBHOOK_TRIGGERS] } },
	secret: str,
	version: { type: 'string', enum: [...WEBHOOK_VERSIONS] },
	time: { type: 'number', minimum: 1 },
	timeUnit: { type: 'string', enum: [...WEBHOOK_TIME_UNITS] },
};

function output(ownerProperty: 'userId' | 'eventTypeId' | 'teamId'): JsonSchema {
	return {
		type: 'object',
		properties: {
			id: { type: 'string', format: 'uuid' },
			[ownerProperty]: { type: 'number' },
			subscriberUrl: str,
			triggers: { type: 'array', items: { type: 'string', enum: [...WEBHOOK_TRIGGERS] } },
			active: bool,
			payloadTemplate: nullable(str),
			secret: str,
			version: { type: 'string', enum: [...WEBHOOK_VERSIONS] },
			time: nullable({ type: 'number' }),
			timeUnit: nullable({ type: 'string', enum: [...WEBHOOK_TIME_UNITS] }),
		},
		required: ['id', ownerProperty, 'subscriberUrl', 'triggers', 'active', 'payloadTemplate'],
		additionalProperties: false,
	};
}

const envelope = (data: JsonSchema): JsonSchema => ({
	type: 'object',
	properties: { status: { type: 'string', enum: ['success'] }, data },
	required: ['status', 'data'],
});

const OWNERS = { User: 'userId', EventType: 'eventTypeId', Team: 'teamId' } as const;

export const WEBHOOK_SCHEMAS: Record<string, JsonSchema> = {
	CreateWebhookInput_Live: {
		type: 'object',
		properties: inputProperties,
		required: ['active', 'subscriberUrl', 'triggers'],
	},
	UpdateWebhookInput_Live: { type: 'object', properties: inputProperties },
	DeleteManyWebhooksOutput_Live: envelope(str),
};
for (const [name, owner] of Object.entries(OWNERS)) {
	WEBHOOK_SCHEMAS[`${name}WebhookOutput_Live`] = output(owner);
	WEBHOOK_SCHEMAS[`${name}WebhookOutputResponse_Live`] = envelope({
		$ref: `#/components/schemas/${name}WebhookOutput_Live`,
	});
	WEBHOOK_SCHEMAS[`${name}WebhooksOutputResponse_Live`] = envelope({
		type: 'array',
		items: { $ref: `#/components/schemas/${name}WebhookOutput_Live` },
	});
}

const num = (name: string): ExtraParameter => ({
	name,
	in: 'path',
	required: true,
	schema: { type: 'number' },
});
const webhookId: ExtraParameter = { name: 'webhookId', in: 'path', required: true, schema: str };
const paging: ExtraParameter[] = [
	{ name: 'take', in: 'query', schema: { type: 'number', minimum: 1, maximum: 250 } },
	{ name: 'skip', in: 'query', schema: { type: 'number', minimum: 0 } },
];

interface ScopeDef {
	base: string;
	params: ExtraParameter[];
	output: keyof typeof OWNERS;
	/** Whether the collection has DELETE (delete all of the scope's webhooks). */
	deleteAll: boolean;
}

const SCOPES: ScopeDef[] = [
	{ base: '/v2/webhooks', params: [], output: 'User', deleteAll: false },
	{
		base: '/v2/event-types/{eventTypeId}/webhooks',
		params: [num('eventTypeId')],
		output: 'EventType',
		deleteAll: true,
	},
	{
		base: '/v2/teams/{teamId}/event-types/{eventTypeId}/webhooks',
		params: [num('teamId'), num('eventTypeId')],
		output: 'EventType',
		deleteAll: true,
	},
	{
		base: '/v2/organizations/{orgId}/webhooks',
		params: [num('orgId')],
		output: 'Team',
		deleteAll: false,
	},
];

const ref = (name: string) => `#/components/schemas/${name}`;

export const WEBHOOK_OPERATIONS: ExtraOperation[] = SCOPES.flatMap((scope) => {
	const one = ref(`${scope.output}WebhookOutputResponse_Live`);
	const item = `${scope.base}/{webhookId}`;
	const itemParams = [...scope.params, webhookId];
	const operations: ExtraOperation[] = [
		{
			method: 'POST',
			template: scope.base,
			auth: 'required',
			parameters: scope.params,
			requestBody: { required: true, ref: ref('CreateWebhookInput_Live') },
			responses: { '201': one },
		},
		{
			method: 'GET',
			template: scope.base,
			auth: 'required',
			parameters: [...scope.params, ...paging],
			responses: { '200': ref(`${scope.output}WebhooksOutputResponse_Live`) },
		},
		{
			method: 'GET',
			template: item,
			auth: 'required',
			parameters: itemParams,
			responses: { '200': one },
		},
		{
			method: 'PATCH',
			template: item,
			auth: 'required',
			parameters: itemParams,
			requestBody: { required: true, ref: ref('UpdateWebhookInput_Live') },
			responses: { '200': one },
		},
		{
			method: 'DELETE',
			template: item,
			auth: 'required',
			parameters: itemParams,
			responses: { '200': one },
		},
	];
	if (scope.deleteAll) {
		operations.push({
			method: 'DELETE',
			template: scope.base,
			auth: 'required',
			parameters: scope.params,
			responses: { '200': ref('DeleteManyWebhooksOutput_Live') },
		});
	}
	return operations;
});
