import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import type { IDataObject, INodeParameters, IWebhookResponseData } from 'n8n-workflow';

import { CalComV2Api } from '../../credentials/CalComV2Api.credentials';
import { CalComTrigger } from '../../nodes/CalComTrigger/CalComTrigger.node';
import type { TriggerOptions, WebhookRequest } from '../harness';
import { runWebhook, runWebhookMethod } from '../harness';
import type { Sandbox, SandboxWebhook } from '../sandbox';
import { credentialsFor } from './helpers';

/** The node's static data lives under this key (n8n: `node:<node name>`). */
export const STATIC_KEY = 'node:Cal.com';

export interface TriggerSetup {
	parameters: INodeParameters;
	staticData?: IDataObject;
	username?: string;
	webhookBaseUrl?: string;
}

export function triggerOptions(sandbox: Sandbox, setup: TriggerSetup): TriggerOptions {
	return {
		node: new CalComTrigger(),
		credentialTypes: [new CalComV2Api()],
		credentials: credentialsFor(sandbox, setup.username) as never,
		parameters: setup.parameters,
		staticData: setup.staticData,
		webhookBaseUrl: setup.webhookBaseUrl,
	};
}

/** What n8n does on activation: checkExists, and create when that says false. */
export async function activate(
	sandbox: Sandbox,
	setup: TriggerSetup,
): Promise<{ staticData: IDataObject; created: boolean }> {
	const check = await runWebhookMethod(triggerOptions(sandbox, setup), 'checkExists');
	if (check.result) return { staticData: check.staticData, created: false };
	const created = await runWebhookMethod(
		triggerOptions(sandbox, { ...setup, staticData: check.staticData }),
		'create',
	);
	return { staticData: created.staticData, created: true };
}

export async function deactivate(
	sandbox: Sandbox,
	setup: TriggerSetup,
): Promise<{ staticData: IDataObject; result: boolean | undefined }> {
	const deleted = await runWebhookMethod(triggerOptions(sandbox, setup), 'delete');
	return { staticData: deleted.staticData, result: deleted.result };
}

export async function deliver(sandbox: Sandbox, setup: TriggerSetup, request: WebhookRequest) {
	return await runWebhook({ ...triggerOptions(sandbox, setup), request });
}

/** The node's own static data. */
export function nodeData(staticData: IDataObject): IDataObject {
	return (staticData[STATIC_KEY] ?? {}) as IDataObject;
}

export function webhooksAt(
	sandbox: Sandbox,
	where: Partial<Pick<SandboxWebhook, 'userId' | 'eventTypeId' | 'teamId'>> = {},
): SandboxWebhook[] {
	return sandbox.state.webhooks.filter((w) =>
		(Object.keys(where) as Array<keyof typeof where>).every((key) => w[key] === where[key]),
	);
}

/** Log lines the node wrote through n8n's logger, captured per level. */
export function captureLogs(): {
	lines: Array<{ level: string; message: string; meta?: unknown }>;
	restore(): void;
} {
	const logger = Container.get(Logger);
	const lines: Array<{ level: string; message: string; meta?: unknown }> = [];
	const spies = (['error', 'warn', 'info', 'debug'] as const).map((level) =>
		jest.spyOn(logger, level).mockImplementation((message: string, meta?: unknown) => {
			lines.push({ level, message, meta });
		}),
	);
	return { lines, restore: () => spies.forEach((spy) => spy.mockRestore()) };
}

/** What n8n's body parser hands a webhook: JSON or form fields by content type ({} when unparsable). */
function parsedLikeN8n(rawBody: Buffer, contentType: string | undefined): unknown {
	const text = rawBody.toString('utf8');
	if (contentType?.startsWith('application/x-www-form-urlencoded'))
		return Object.fromEntries(new URLSearchParams(text));
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return {};
	}
}

export interface Receiver {
	/** The n8n base URL to register (`<url>/<webhookId>/webhook`). */
	baseUrl: string;
	/** What each request got: the trigger's status and the items it started with (none: not started). */
	outcomes: Array<{ status: number; items?: IDataObject[]; message?: unknown }>;
	close(): Promise<void>;
}

/**
 * A tiny n8n on 127.0.0.1: takes Cal.com's POST and hands the bytes, headers and parsed body to the
 * trigger's webhook() with the setup `current()` returns.
 */
export async function startReceiver(
	sandbox: () => Sandbox,
	current: () => TriggerSetup | undefined,
): Promise<Receiver> {
	const outcomes: Receiver['outcomes'] = [];
	let baseUrl = '';
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const rawBody = Buffer.concat(chunks);
			const headers = Object.fromEntries(
				Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]),
			);
			const setup = current();
			if (!setup) throw new Error('no active workflow');
			deliver(
				sandbox(),
				{ ...setup, webhookBaseUrl: baseUrl },
				{ body: parsedLikeN8n(rawBody, headers['content-type']), headers, rawBody },
			)
				.then(({ response, recorded }) => {
					outcomes.push({
						status: recorded.statusCode,
						items: response.workflowData?.[0].map((i) => i.json),
						message: response.webhookResponse,
					});
					res.statusCode = recorded.statusCode;
					res.end();
				})
				.catch((error: Error) => {
					res.statusCode = 500;
					res.end(error.message);
				});
		});
	});
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
	return {
		baseUrl,
		outcomes,
		close: async () => {
			server.close();
			await once(server, 'close');
		},
	};
}

/**
 * The body n8n 2.41 answers a delivery with, for the trigger's `responseMode: 'onReceived'`
 * (packages/cli/src/webhooks/webhook-helpers.ts, webhook-on-received-response-extractor.ts):
 * - webhook() answered itself (noWebhookResponse): undefined here, the node's own response stands;
 * - the workflow is not started: the node's webhookResponse, else {message: 'Webhook call received'};
 * - it is started: the declared responseData ('firstEntryJson' when none is declared), sent as
 *   text, unless it is 'noData' (no body) or empty: then the node's webhookResponse, else
 *   {message: 'Workflow was started'}.
 */
export function answerBodyLikeN8n(response: IWebhookResponseData): unknown {
	if (response.noWebhookResponse === true) return undefined;
	if (response.workflowData === undefined)
		return response.webhookResponse ?? { message: 'Webhook call received' };
	const declared = new CalComTrigger().description.webhooks?.[0].responseData ?? 'firstEntryJson';
	if (declared === 'noData') return undefined;
	if (declared) return declared;
	return (response.webhookResponse as unknown) ?? { message: 'Workflow was started' };
}
