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

/** Shared request options, added to each operation's Options collection. */
export const timeoutOption: INodeProperties = {
	displayName: 'Timeout (Seconds)',
	name: 'timeoutSeconds',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 300 },
	default: 30,
	description: 'How long to wait for Cal.com to answer one request before giving up',
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

/** The Options collection every operation has: its own options plus the request timeout. */
export function optionsCollection(...options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...options, timeoutOption],
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
