import { once } from 'node:events';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An OpenAI-compatible chat-completions server on 127.0.0.1 that answers from a script instead of
 * a model: each turn looks at the conversation so far and returns the next tool call (or the final
 * answer). n8n's OpenAI chat-model node is pointed at it through the credential's base URL.
 */
export interface ChatMessage {
	role: string;
	content?: string | null | Array<{ type: string; text?: string }>;
	tool_calls?: Array<{ id: string; function: { name: string; arguments: string } }>;
}

export interface ChatRequest {
	model: string;
	messages: ChatMessage[];
	tools?: Array<{
		type: string;
		function: { name: string; description?: string; parameters?: unknown };
	}>;
	stream?: boolean;
}

export type ScriptStep = { tool: string; args: Record<string, unknown> } | { answer: string };

export type Script = (request: ChatRequest, toolResults: string[]) => ScriptStep;

export interface ScriptedModel {
	url: string;
	requests: ChatRequest[];
	close(): Promise<void>;
}

/** The text of a message, whether the client sent a string or parts. */
export function messageText(content: ChatMessage['content']): string {
	if (typeof content === 'string') return content;
	return Array.isArray(content) ? content.map((part) => part.text ?? '').join('') : '';
}

/** Finds the offered tool whose name starts like `wanted` (n8n turns node names into tool names). */
function toolName(request: ChatRequest, wanted: string): string {
	const normal = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');
	const match = (request.tools ?? []).find((tool) => normal(tool.function.name) === normal(wanted));
	if (!match)
		throw new Error(
			`the agent offered no tool like "${wanted}" (offered: ${(request.tools ?? []).map((t) => t.function.name).join(', ')})`,
		);
	return match.function.name;
}

export async function startScriptedModel(script: Script): Promise<ScriptedModel> {
	const requests: ChatRequest[] = [];
	let calls = 0;
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			if (!req.url?.endsWith('/chat/completions')) {
				res.statusCode = 404;
				res.end('{}');
				return;
			}
			const request = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequest;
			requests.push(request);
			const toolResults = request.messages
				.filter((message) => message.role === 'tool')
				.map((message) => messageText(message.content));
			let step: ScriptStep;
			try {
				step = script(request, toolResults);
			} catch (error) {
				res.statusCode = 500;
				res.end(JSON.stringify({ error: { message: (error as Error).message } }));
				return;
			}
			calls += 1;
			const message =
				'answer' in step
					? { role: 'assistant', content: step.answer }
					: {
							role: 'assistant',
							content: null,
							tool_calls: [
								{
									id: `call_${calls}`,
									type: 'function',
									function: {
										name: toolName(request, step.tool),
										arguments: JSON.stringify(step.args),
									},
								},
							],
						};
			const finish = 'answer' in step ? 'stop' : 'tool_calls';
			const created = Math.floor(Date.now() / 1000);
			if (request.stream) {
				res.setHeader('content-type', 'text/event-stream');
				const delta =
					'answer' in step
						? { role: 'assistant', content: step.answer }
						: {
								role: 'assistant',
								tool_calls: message.tool_calls?.map((call, index) => ({ index, ...call })),
							};
				const frame = (body: unknown) => res.write(`data: ${JSON.stringify(body)}\n\n`);
				frame({
					id: `chatcmpl-${calls}`,
					object: 'chat.completion.chunk',
					created,
					model: request.model,
					choices: [{ index: 0, delta, finish_reason: null }],
				});
				frame({
					id: `chatcmpl-${calls}`,
					object: 'chat.completion.chunk',
					created,
					model: request.model,
					choices: [{ index: 0, delta: {}, finish_reason: finish }],
					usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
				});
				res.end('data: [DONE]\n\n');
				return;
			}
			res.setHeader('content-type', 'application/json');
			res.end(
				JSON.stringify({
					id: `chatcmpl-${calls}`,
					object: 'chat.completion',
					created,
					model: request.model,
					choices: [{ index: 0, message, finish_reason: finish }],
					usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
				}),
			);
		});
	});
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
		requests,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
