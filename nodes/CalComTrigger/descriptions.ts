import type { INodeProperties } from 'n8n-workflow';

import { timeoutOption } from '../CalCom/actions/common.descriptions';
import {
	eventsField,
	noShowDelayFields,
	payloadTemplateField,
	payloadVersionField,
	scopeFields,
} from '../CalCom/webhooks/fields';

export const triggerProperties: INodeProperties[] = [
	eventsField('events', 'Events', 'The Cal.com events that start this workflow'),
	...scopeFields(
		'Where Cal.com registers the webhook, which decides whose events arrive',
		'One of your own event types; its bookings start this workflow',
	),
	...noShowDelayFields('events'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Include Raw Body and Headers',
				name: 'includeRaw',
				type: 'boolean',
				default: false,
				description: 'Whether to add the body exactly as received (`rawBody`) and the request headers (`headers`) to each item',
			},
			{
				...payloadTemplateField,
				description:
					'Cal.com sends this template, filled in, instead of its own body (not for Meeting Started/Ended; for form, no-show and instant-meeting events the fields are under payload., e.g. {{payload.formName}}). Values arrive HTML-escaped (& as &amp;). Items hold the template’s fields; a template that is not JSON gives templateText, a render that broke the JSON gives templateError.',
			},
			payloadVersionField('payloadVersion'),
			{
				displayName: 'Start Workflow on Ping',
				name: 'startOnPing',
				type: 'boolean',
				default: false,
				description:
					'Whether a ping signed with this trigger’s secret starts the workflow. Cal.com’s "Ping test" button sends it unsigned: it is always answered 200 and nothing runs.',
			},
			{
				...timeoutOption,
				description: 'How long to wait for Cal.com to answer one request while subscribing or unsubscribing (on activation and deactivation)',
			},
		],
	},
];
