/**
 * Webhooks on an older self-hosted Cal.com. Its webhook input (apps/api/v2/src/modules/webhooks/
 * inputs/webhook.input.ts before 2026) has enums without payload version 2026-07-27 and without
 * the triggers marked `newer`, and refuses them through the global validation pipe with a 400:
 * "Bad Request Exception" on a production server (no field named), the class-validator errors
 * otherwise. Cal.com has no error that names a missing version, so the node names it.
 */
import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { CalComRequestOptions } from '../transport';
import { calComRequest, lacksNewerForm, rememberLacksNewerForm } from '../transport';
import { newerTriggers } from './events';
import { DEFAULT_PAYLOAD_VERSION } from './settings';

/** The payload version only newer Cal.com servers serve. */
export const NEWER_PAYLOAD_VERSION = '2026-07-27';

/** Whether a 400 may be about `field`: it names it, or (production server) names no field. */
function mayBeAbout(error: unknown, field: string): boolean {
	if (!(error instanceof NodeApiError) || error.httpCode !== '400') return false;
	const text = `${error.message} ${error.description ?? ''}`;
	return text.includes('without naming the field') || new RegExp(`\\b${field}\\b`).test(text);
}

function plural(count: number, word: string): string {
	return count === 1 ? word : `${word}s`;
}

/**
 * The error for a webhook an older Cal.com refused because of a newer trigger or payload version:
 * it names them and says what to pick instead. Any other error is returned as it is.
 */
export function explainOlderServer(node: INode, error: unknown, body: IDataObject): unknown {
	const newer = mayBeAbout(error, 'triggers') ? newerTriggers(body.triggers) : [];
	const version = body.version === NEWER_PAYLOAD_VERSION && mayBeAbout(error, 'version');
	if (newer.length === 0 && !version) return error;
	const lacks: string[] = [];
	const picks: string[] = [];
	if (newer.length > 0) {
		lacks.push(`the ${plural(newer.length, 'trigger event')} ${newer.join(', ')}`);
		picks.push(`remove ${newer.join(', ')} from Events`);
	}
	if (version) {
		lacks.push(`webhook payload version ${NEWER_PAYLOAD_VERSION}`);
		picks.push(`pick Payload Version ${DEFAULT_PAYLOAD_VERSION} in Options`);
	}
	const said = error instanceof NodeApiError ? error.message : String(error);
	return new NodeOperationError(
		node,
		`This Cal.com server does not support ${lacks.join(' or ')}: ${picks.join(' and ')}, or update the server`,
		{
			description: `These came with newer Cal.com versions; an older self-hosted Cal.com refuses them (400). Cal.com's answer: ${said}`,
		},
	);
}

/**
 * Creates or updates a webhook. With payload version 2026-07-27 on a server that refuses it, asks
 * once more with the older payload version (2021-10-20, the form such a server sends anyway) and
 * remembers that for the rest of the execution, so later items ask in the older form directly.
 */
export async function writeWebhook(
	ctx: IExecuteFunctions,
	options: CalComRequestOptions,
): Promise<unknown> {
	const body = options.body ?? {};
	const older = { ...options, body: { ...body, version: DEFAULT_PAYLOAD_VERSION } };
	if (body.version !== NEWER_PAYLOAD_VERSION) return await calComRequest.call(ctx, options);
	if (lacksNewerForm(ctx, 'webhook-payload-2026-07-27'))
		return await calComRequest.call(ctx, older);
	try {
		return await calComRequest.call(ctx, options);
	} catch (error) {
		if (!mayBeAbout(error, 'version')) throw explainOlderServer(ctx.getNode(), error, body);
	}
	let data: unknown;
	try {
		data = await calComRequest.call(ctx, older);
	} catch (error) {
		// Refused in the older form too: the payload version was not (only) the cause.
		throw explainOlderServer(ctx.getNode(), error, older.body);
	}
	rememberLacksNewerForm(ctx, 'webhook-payload-2026-07-27');
	ctx.logger.info(
		`This Cal.com server does not serve webhook payload version ${NEWER_PAYLOAD_VERSION}; using ${DEFAULT_PAYLOAD_VERSION} for the rest of this execution`,
	);
	return data;
}
