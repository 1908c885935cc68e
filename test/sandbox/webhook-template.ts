/**
 * Payload templates as Cal.com renders them.
 *
 * Follows packages/features/webhooks/lib/sendPayload.ts (newest read: the one that also sends
 * X-Cal-Webhook-Version and applies templates in sendGenericWebhookPayload; its tests in
 * sendPayload.test.ts "should apply template when provided", "should use form-urlencoded when
 * template is not valid JSON"):
 *   - the content type follows the *template*, not the render: `application/json` when there is no
 *     template or the template itself parses as JSON, else `application/x-www-form-urlencoded`;
 *   - the template is compiled with Handlebars, which HTML-escapes every `{{value}}`; Cal.com then
 *     turns `&quot;` back into `"` (so a double quote in a value lands raw in the JSON);
 *   - with the JSON content type the render is parsed and serialised again: compact JSON, or the
 *     body `false` when the render does not parse (jsonParse answers false);
 *   - otherwise the render is sent as it is.
 * Template variables: for sendPayload (booking events, PING …) the payload's fields plus
 * `triggerEvent` and `createdAt`; for sendGenericWebhookPayload (the routing-form, no-show-task,
 * wrong-assignment and instant-meeting call sites) `{...rootData, triggerEvent, createdAt, payload}`,
 * so there the fields are under `payload.` (FORM_SUBMITTED's rootData is its answers by field).
 * Older Cal.com (calcom/cal.com sendPayload.ts at 008952de / 00eb5dc8) sent the generic events
 * without applying the template; the sandbox follows the newest.
 *
 * The Handlebars here is a SUBSET, written for the sandbox: `{{path}}` (escaped) and `{{{path}}}`
 * (raw), paths like `title`, `organizer.name`, `attendees.0.name`. A value is written as
 * Handlebars writes it (`String(value)`: objects become `[object Object]`, arrays are joined with
 * commas, null/undefined become ''). Block helpers, partials and comments are not modelled: a
 * template using them is refused loudly rather than rendered differently from Cal.com.
 */

export type ContentType = 'application/json' | 'application/x-www-form-urlencoded';

/** Handlebars' escapeExpression table. */
const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#x27;',
	'`': '&#x60;',
	'=': '&#x3D;',
};

/** Cal.com's jsonParse: the parsed value, or false when the text is not JSON. */
export function jsonParse(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return false;
	}
}

export function templateContentType(template: string | null | undefined): ContentType {
	return !template || jsonParse(template)
		? 'application/json'
		: 'application/x-www-form-urlencoded';
}

function lookup(vars: Record<string, unknown>, path: string): unknown {
	let node: unknown = vars;
	for (const key of path.split('.')) {
		if (
			typeof node !== 'object' ||
			node === null ||
			!Object.prototype.hasOwnProperty.call(node, key)
		)
			return undefined;
		node = (node as Record<string, unknown>)[key];
	}
	return node;
}

function written(value: unknown): string {
	return value === undefined || value === null ? '' : String(value);
}

const TAG = /\{\{\{\s*([\w.]+)\s*\}\}\}|\{\{\s*([\w.]+)\s*\}\}/g;

/** Handlebars' compile(template)(vars), for the subset above. */
export function renderHandlebars(template: string, vars: Record<string, unknown>): string {
	const rest = template.replace(TAG, '');
	if (/\{\{/.test(rest)) {
		throw new Error(
			'The sandbox renders only {{path}} and {{{path}}} in payload templates (no helpers, blocks, partials or comments)',
		);
	}
	return template.replace(TAG, (_match, raw: string | undefined, escaped: string | undefined) => {
		if (raw !== undefined) return written(lookup(vars, raw));
		return written(lookup(vars, escaped as string)).replace(/[&<>"'`=]/g, (c) => ESCAPES[c]);
	});
}

/** sendPayload.ts applyTemplate: the body Cal.com sends for a template and its variables. */
export function applyTemplate(
	template: string,
	vars: Record<string, unknown>,
): { body: string; contentType: ContentType } {
	const contentType = templateContentType(template);
	const compiled = renderHandlebars(template, vars).replace(/&quot;/g, '"');
	return {
		body: contentType === 'application/json' ? JSON.stringify(jsonParse(compiled)) : compiled,
		contentType,
	};
}
