import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { TRIGGER_DESCRIPTION } from '../CalCom/identity';
import { searchEventTypes } from '../CalCom/methods/listSearch';
import { PING_EVENT } from '../CalCom/webhooks/events';
import { authenticationProperty, calComCredentials } from '../CalCom/transport';
import { triggerProperties } from './descriptions';
import { readDelivery } from './normalize';
import { isCalComPing } from './ping';
import { SIGNATURE_HEADER, UNSIGNED, verifySignature } from './signature';
import { createSubscription, deleteSubscription, subscriptionExists } from './subscription';

interface TriggerOptions {
	includeRaw?: boolean;
	startOnPing?: boolean;
}

const PING_UNSIGNED =
	'Ping received. Cal.com signs its Ping test with the secret typed into the webhook form, usually none, so it arrived unsigned; the workflow was not started';
const PING_UNSIGNED_NOT_STARTED = `${PING_UNSIGNED} (Start Workflow on Ping starts it only for a ping signed with this trigger’s secret)`;

/** What a delivery that starts the workflow is answered with (see responseData below). */
const RECEIVED = { received: true };

/** The secret never reaches an item, whatever a template or a body holds. */
function redact(text: string, secret: unknown): string {
	return typeof secret === 'string' && secret !== '' ? text.split(secret).join('[redacted]') : text;
}

export class CalComTrigger implements INodeType {
	description: INodeTypeDescription = {
		// n8n lists a trigger's events only when its display name contains "Trigger".
		displayName: 'Cal.com API v2 Trigger',
		name: 'calComTrigger',
		icon: { light: 'file:../CalCom/calcom.svg', dark: 'file:../CalCom/calcom.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["events"].join(", ") }}',
		description: TRIGGER_DESCRIPTION,
		defaults: { name: 'Cal.com Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: calComCredentials,
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				// n8n answers at once (onReceived) with responseData when it is set, and falls back to
				// 'firstEntryJson', which it then sends as the literal text "firstEntryJson"
				// (packages/cli/src/webhooks/webhook-helpers.ts and
				// webhook-on-received-response-extractor.ts, n8n 2.41). Empty: the answer is the
				// webhookResponse webhook() returns, e.g. {"received": true}, from main and from a
				// queue-mode webhook processor alike.
				responseData: '',
				path: 'webhook',
			},
		],
		properties: [authenticationProperty, ...triggerProperties],
	};

	methods = {
		listSearch: { searchEventTypes },
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await subscriptionExists(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createSubscription(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteSubscription(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		// The signature is checked first, on the raw bytes, before anything reads the body.
		const raw = (this.getRequestObject() as { rawBody?: unknown }).rawBody;
		const rawBody = Buffer.isBuffer(raw) ? raw : undefined;
		const headers = this.getHeaderData() as IDataObject;
		const secret = this.getWorkflowStaticData('node').secret;
		const signature = headers[SIGNATURE_HEADER] as string | string[] | undefined;
		const verdict = verifySignature(secret, signature, rawBody);
		if (!verdict.valid) {
			// Cal.com's Ping test is unsigned: answer it, start nothing; anything else unsigned is refused.
			if (signature === UNSIGNED && isCalComPing(rawBody)) {
				const options = this.getNodeParameter('options', {}) as TriggerOptions;
				return {
					webhookResponse: {
						message: options.startOnPing ? PING_UNSIGNED_NOT_STARTED : PING_UNSIGNED,
					},
				};
			}
			this.logger.debug(`Cal.com Trigger refused a delivery: signature ${verdict.reason}`);
			this.getResponseObject()
				.status(401)
				.json({ message: 'The X-Cal-Signature-256 signature is missing or does not match' });
			return { noWebhookResponse: true };
		}

		const item = readDelivery(rawBody as Buffer, headers['content-type']);
		const options = this.getNodeParameter('options', {}) as TriggerOptions;
		const event = item.triggerEvent;
		if (event === PING_EVENT && !options.startOnPing) {
			return { webhookResponse: { message: 'Ping received; the workflow was not started' } };
		}
		const events = this.getNodeParameter('events', []) as string[];
		if (typeof event === 'string' && event !== PING_EVENT && !events.includes(event)) {
			// Signed by us, but for an event this node no longer listens to: answer, do not run.
			return {
				webhookResponse: {
					message: `${event} is not one of this trigger's events; the workflow was not started`,
				},
			};
		}

		if (options.includeRaw) {
			const text = (rawBody as Buffer).toString('utf8');
			item.rawBody = redact(text, secret);
			item.headers = { ...headers };
		}
		if (typeof item.templateText === 'string')
			item.templateText = redact(item.templateText, secret);
		return { workflowData: [this.helpers.returnJsonArray([item])], webhookResponse: RECEIVED };
	}
}
