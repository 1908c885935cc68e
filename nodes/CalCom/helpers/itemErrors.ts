import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { ParameterError } from './errors';

/*
 * How a failed item reaches the user: as the node's error for that item (told in plain text when
 * an AI agent called the node), or, with "Continue On Fail", as an error item paired with its input.
 */

/** An error for the item it belongs to; specific API errors are kept as they are. */
function itemError(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof ParameterError) {
		return new NodeOperationError(ctx.getNode(), error.message, {
			itemIndex,
			description: error.hint,
		});
	}
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex = itemIndex;
		return error;
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(ctx.getNode(), message, { itemIndex });
}

/** The node runs as an AI agent's tool (n8n gives the tool variant a type ending in "Tool"). */
export function isToolCall(ctx: IExecuteFunctions): boolean {
	return ctx.getNode().type.endsWith('Tool');
}

/**
 * An agent reads only an error's message (n8n hands the tool `{ error: message }`), so in tool
 * mode the message carries the whole story in plain text: what went wrong, then what to do next.
 */
function toolError(
	ctx: IExecuteFunctions,
	failure: NodeApiError | NodeOperationError,
	itemIndex: number,
): NodeOperationError {
	const plain = (text: unknown) =>
		typeof text === 'string'
			? text
					.replace(/<[^>]*>/g, ' ')
					.replace(/\s+/g, ' ')
					.trim()
			: '';
	const message = plain(failure.message);
	const next = plain(failure.description);
	const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);
	const text =
		next && !message.includes(next) ? `${sentence(message)} ${sentence(next)}` : sentence(message);
	return new NodeOperationError(ctx.getNode(), text, { itemIndex, description: next || undefined });
}

/** The error a failed item raises: the item's error, told in plain text when an agent called. */
export function itemFailure(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	const failure = itemError(ctx, error, itemIndex);
	return isToolCall(ctx) ? toolError(ctx, failure, itemIndex) : failure;
}

/** "Continue On Fail": the failure as an item of the output, paired with its input. */
export function errorItem(
	failure: NodeApiError | NodeOperationError,
	itemIndex: number,
): INodeExecutionData {
	const json: IDataObject = { error: failure.message };
	const description = (failure as { description?: unknown }).description;
	if (typeof description === 'string' && description) json.description = description;
	const httpCode = (failure as { httpCode?: unknown }).httpCode;
	if (typeof httpCode === 'string' && httpCode) json.httpCode = httpCode;
	return { json, pairedItem: { item: itemIndex } };
}
