import type { INodeProperties } from 'n8n-workflow';

/** Simplified or Raw output; IDs are always kept in Simplified. */
export const outputField: INodeProperties = {
	displayName: 'Output',
	name: 'output',
	type: 'options',
	default: 'simplified',
	description: 'How much of Cal.com’s answer to return; Simplified suits people and AI agents',
	options: [
		{
			name: 'Simplified',
			value: 'simplified',
			description: 'The fields a person or an AI agent needs, IDs always included',
		},
		{ name: 'Raw', value: 'raw', description: "Cal.com's answer as it came" },
		{
			name: 'Selected Fields',
			value: 'selected',
			description: 'Only the fields you name from the simplified output, IDs always included',
		},
	],
};

/** One node-wide parameter: the fields to keep when Output is Selected Fields. */
export const selectedFieldsField: INodeProperties = {
	displayName: 'Fields',
	name: 'selectedFields',
	type: 'string',
	default: '',
	placeholder: 'e.g. start, startLocal, status',
	description:
		'Comma-separated names of the simplified fields to keep; every ID field is always kept',
	displayOptions: { show: { output: ['selected'] } },
};

export const timeZoneField: INodeProperties = {
	displayName: 'Time Zone',
	name: 'timeZone',
	type: 'string',
	default: '',
	placeholder: 'e.g. Europe/Berlin',
	description:
		"IANA time zone name in which times are read and shown, e.g. Europe/Berlin, America/New_York or UTC. Leave empty to use the workflow's time zone.",
};

/** Where a time without an offset is read, as the editor and an AI agent are told. */
const READ_IN = {
	attendee: 'the Attendee Time Zone',
	node: "the Time Zone field (empty: the workflow's time zone)",
	workflow: "the workflow's time zone (workflow settings)",
	utc: 'UTC',
} as const;

/** An accepted example of each kind, shown in the empty field. */
export const TIME_PLACEHOLDER = 'e.g. 2027-03-15T09:00 or 2027-03-15T09:00+02:00';

export interface TimeParameterSpec {
	displayName: string;
	name: string;
	/** What the time is for: one sentence, no final period. */
	purpose: string;
	/** Where a time without Z or an offset is read (the operation's parser must agree). */
	readIn: keyof typeof READ_IN;
	/** What a bare date means: its first moment (default) or its last. */
	bareDate?: 'start' | 'end';
	required?: boolean;
	/** A sentence on what an empty field means, when it may be empty. */
	whenEmpty?: string;
}

/**
 * A time parameter: a text field, since n8n's dateTime field (an Element Plus picker reading only
 * YYYY-MM-DDTHH:mm:ss, in ParameterInput.vue) shows a bare date, a time without seconds or one
 * with an offset as an empty "Select date and time", and its picker drops the offset. The text
 * shows what the node will read; the placeholder and the hint say the forms and the zone.
 */
export function timeParameter(spec: TimeParameterSpec): INodeProperties {
	const zone = READ_IN[spec.readIn];
	const day = spec.bareDate === 'end' ? 'the end of that day' : 'the start of that day';
	const description = [
		`${spec.purpose}.`,
		`ISO 8601: a date and time such as 2027-03-15T09:00 (seconds optional) is read in ${zone};`,
		'with Z or an offset (2027-03-15T09:00:00+02:00) it is taken as is;',
		`a bare date (2027-03-15) means ${day}.`,
		spec.whenEmpty,
	];
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'string',
		default: '',
		...(spec.required ? { required: true } : {}),
		placeholder: TIME_PLACEHOLDER,
		hint: `Without Z or an offset, read in ${zone}`,
		description: description.filter(Boolean).join(' '),
	};
}

/** Shared request options, added to each operation's Options collection. */
export const timeoutOption: INodeProperties = {
	displayName: 'Timeout (Seconds)',
	name: 'timeoutSeconds',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 300 },
	default: 30,
	description: 'How long to wait for Cal.com to answer one request before giving up',
};

/**
 * The share of each rate limit left unused while other processes use the same API key (budget.ts);
 * no expressions: one value for the whole execution.
 */
export const rateLimitReserveOption: INodeProperties = {
	displayName: 'Rate Limit Reserve (%)',
	name: 'rateLimitReserve',
	type: 'number',
	typeOptions: { minValue: 0, maxValue: 50 },
	default: 5,
	noDataExpression: true,
	description:
		'Share of Cal.com’s rate limit left unused once other processes are seen using the same API key (n8n workers in queue mode, other apps), so that together they rarely exceed it and get the key blocked for a minute. Costs up to this share of throughput, only while such use is seen; executions in one n8n process share one count and need none. Raise it when the other processes run many executions at once.',
};

export const eventTypeIdLocator: INodeProperties = {
	displayName: 'Event Type',
	name: 'eventTypeId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The event type (meeting kind) to use',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchEventTypes', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 1234',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\s*[0-9]+\\s*$',
						errorMessage: 'An event type ID is a whole number',
					},
				},
			],
		},
	],
};

/** The Options collection every operation has: its own options, the rate-limit reserve and the request timeout. */
export function optionsCollection(...options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...options, rateLimitReserveOption, timeoutOption],
	};
}

/**
 * An Update's collection of the fields to change. Cal.com's PATCH routes change only what the body
 * names, so only the fields added here change.
 */
export function updateFieldsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields added here change; the others keep their values',
		options,
	};
}

/** A Create's (or Add's) optional fields, sent only when added. */
export function additionalFieldsCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options,
	};
}

/** A Get Many's Filters: each narrows the list when added. */
export function filtersCollection(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options,
	};
}

/** Return All + Limit, as every Get Many has them. */
export const returnAllFields: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];
