import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { searchEventTypes } from '../CalCom/methods/listSearch';
import { triggerProperties } from './descriptions';
import { PING_EVENT } from './events';
import { normalizeDelivery } from './normalize';
import { SIGNATURE_HEADER, verifySignature } from './signature';
import { createSubscription, deleteSubscription, subscriptionExists } from './subscription';

interface TriggerOptions {
	includeRaw?: boolean;
	startOnPing?: boolean;
}

/** The body as sent: JSON when it parses, else what n8n parsed (a template rendered as a form). */
function parseBody(ctx: IWebhookFunctions, raw: Buffer): unknown {
	try {
		return JSON.parse(raw.toString('utf8')) as unknown;
	} catch {
		return ctx.getBodyData();
	}
}

export class CalComTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cal.com Trigger',
		name: 'calComTrigger',
		icon: { light: 'file:../CalCom/calcom.svg', dark: 'file:../CalCom/calcom.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["events"].join(", ") }}',
		description: 'Starts a workflow on Cal.com events (bookings, meetings, forms, no-shows …), with signed deliveries',
		defaults: { name: 'Cal.com Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'calComV2Api', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: triggerProperties,
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
		const verdict = verifySignature(secret, headers[SIGNATURE_HEADER] as string | string[] | undefined, rawBody);
		if (!verdict.valid) {
			this.logger.debug(`Cal.com Trigger refused a delivery: signature ${verdict.reason}`);
			this.getResponseObject().status(401).json({ message: 'The X-Cal-Signature-256 signature is missing or does not match' });
			return { noWebhookResponse: true };
		}

		const body = parseBody(this, rawBody as Buffer);
		const item = normalizeDelivery(body);
		const options = this.getNodeParameter('options', {}) as TriggerOptions;
		const event = item.triggerEvent;
		if (event === PING_EVENT && !options.startOnPing) {
			return { webhookResponse: { message: 'Ping received; the workflow was not started' } };
		}
		const events = this.getNodeParameter('events', []) as string[];
		if (typeof event === 'string' && event !== PING_EVENT && !events.includes(event)) {
			// Signed by us, but for an event this node no longer listens to: answer, do not run.
			return { webhookResponse: { message: `${event} is not one of this trigger's events; the workflow was not started` } };
		}

		if (options.includeRaw) {
			const text = (rawBody as Buffer).toString('utf8');
			item.rawBody = typeof secret === 'string' ? text.split(secret).join('[redacted]') : text;
			item.headers = { ...headers };
		}
		return { workflowData: [this.helpers.returnJsonArray([item])] };
	}
}
