/**
 * How Cal.com turns a routing form's answers into a route, as getRoutedUrl.ts reads them
 * (packages/app-store/routing-forms … and packages/lib/server/getRoutedUrl.ts), modelled for the
 * field and rule kinds the sandbox's forms use:
 *
 * - The body is the answers by field identifier (getFieldIdentifier: identifier, else label);
 *   `new URLSearchParams(body)` makes every value a string (a list becomes "a,b"). Keys that name
 *   no field are dropped (lib/getResponseToStore.ts reads only the form's fields).
 * - lib/transformResponse.ts getFieldResponseForJsonLogic: a select answer may be the option's id
 *   or its label (stored as the id); multiselect splits on commas; number becomes a number.
 * - lib/processRoute.tsx findMatchingRoute: the routes that are not the fallback, in order, then
 *   the fallback; a route without rules matches. Rules are react-awesome-query-builder's tree,
 *   evaluated with json-logic where ==, != and "in" ignore case (lib/jsonLogicOverrides.ts).
 *   Modelled operators: equal, not_equal, select_equals, select_not_equals, select_any_in,
 *   multiselect_some_in; group conjunction AND (default) or OR.
 * - lib/handleResponse.ts: a required field without an answer is refused with "Missing required
 *   fields <labels>" (400 from the API).
 * - The route's action: eventTypeRedirectUrl names "team/<team slug>/<event type slug>"; the API
 *   services take the last path segment and look it up among the form's team's event types
 *   (teams-event-types.repository.ts getEventTypeByTeamIdAndSlug). customPageMessage and
 *   externalRedirectUrl carry their text and URL.
 * Not modelled: attribute routing (attributesQueryValue picks team members by their attributes;
 * the sandbox's teamMemberIds stay []), routers (a route pointing at another form), CRM owners.
 */
import type {
	SandboxRoutingForm,
	SandboxRoutingFormField,
	SandboxRoutingFormRoute,
	SandboxState,
} from '../types';

export type Routed =
	| { kind: 'error'; message: string }
	| ({ response: Record<string, unknown>; routeId: string } & (
			| { kind: 'message'; message: string }
			| { kind: 'external'; url: string }
			| { kind: 'eventType'; eventTypeId?: number; teamMemberIds: number[] }
	  ));

type Answer = string | number | string[];

function identifierOf(field: SandboxRoutingFormField): string {
	return field.identifier || field.label;
}

/** transformResponse.ts transformSelectValue: an option's id, found by id or by label. */
function optionId(field: SandboxRoutingFormField, idOrLabel: string): string {
	const text = idOrLabel.trim();
	const options = field.options ?? [];
	const found = options.find((o) => o.id === text) ?? options.find((o) => o.label === text);
	return found ? found.id : text;
}

function forLogic(field: SandboxRoutingFormField, raw: string): Answer {
	if (!raw) return '';
	if (field.type === 'number') return Number(raw);
	if (field.type === 'multiselect') return raw.split(',').map((part) => optionId(field, part));
	if (field.type === 'select' || field.type === 'radio') return optionId(field, raw);
	return raw;
}

/** getResponseToStore.ts: field id → { label, value } for every field of the form. */
export function responseToStore(
	form: SandboxRoutingForm,
	body: unknown,
): Record<string, { label: string; value: Answer }> {
	const given = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
	const response: Record<string, { label: string; value: Answer }> = {};
	for (const field of form.fields) {
		const raw = given[identifierOf(field)];
		const text = raw === undefined || raw === null ? '' : String(raw);
		response[field.id] = { label: field.label, value: forLogic(field, text) };
	}
	return response;
}

const lower = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v);

function ruleMatches(properties: Record<string, unknown>, values: Record<string, Answer>): boolean {
	const answer = values[String(properties.field)];
	const expected = Array.isArray(properties.value) ? properties.value[0] : properties.value;
	const list = (Array.isArray(expected) ? expected : [expected]).map(lower);
	switch (properties.operator) {
		case 'equal':
		case 'select_equals':
			return lower(answer) === lower(expected);
		case 'not_equal':
		case 'select_not_equals':
			return lower(answer) !== lower(expected);
		case 'select_any_in':
			return list.includes(lower(answer));
		case 'multiselect_some_in':
			return Array.isArray(answer) && answer.some((a) => list.includes(lower(a)));
		default:
			return false;
	}
}

function groupMatches(node: Record<string, unknown>, values: Record<string, Answer>): boolean {
	const children = Object.values((node.children1 ?? {}) as Record<string, Record<string, unknown>>);
	if (children.length === 0) return true;
	const results = children.map((child) =>
		child.type === 'group'
			? groupMatches(child, values)
			: ruleMatches((child.properties ?? {}) as Record<string, unknown>, values),
	);
	const properties = (node.properties ?? {}) as Record<string, unknown>;
	return properties.conjunction === 'OR' ? results.some(Boolean) : results.every(Boolean);
}

function matchingRoute(
	form: SandboxRoutingForm,
	values: Record<string, Answer>,
): SandboxRoutingFormRoute | undefined {
	const ordered = [
		...form.routes.filter((r) => !r.isFallback),
		...form.routes.filter((r) => r.isFallback),
	];
	return ordered.find((route) => groupMatches(route.queryValue, values));
}

function teamEventTypeId(state: SandboxState, form: SandboxRoutingForm, value: string) {
	const slug = value.split('/').pop();
	return state.eventTypes.find((e) => e.teamId === form.teamId && e.slug === slug)?.id;
}

/** The route the answers take, or the refusal Cal.com gives them. */
export function routeAnswers(form: SandboxRoutingForm, body: unknown, state: SandboxState): Routed {
	const response = responseToStore(form, body);
	const values: Record<string, Answer> = {};
	for (const [id, { value }] of Object.entries(response)) values[id] = value;
	const route = matchingRoute(form, values);
	// processRoute.tsx needs a fallback route; Cal.com's forms always have one.
	if (!route) return { kind: 'error', message: 'No matching route found' };
	const missing = form.fields
		.filter((f) => f.required && !response[f.id].value)
		.map((f) => f.label);
	if (missing.length)
		return { kind: 'error', message: `Missing required fields ${missing.join(', ')}` };
	const base = { response, routeId: route.id };
	const { type, value } = route.action;
	if (type === 'customPageMessage') return { ...base, kind: 'message', message: value };
	if (type === 'externalRedirectUrl') return { ...base, kind: 'external', url: value };
	const eventTypeId = teamEventTypeId(state, form, value);
	return { ...base, kind: 'eventType', eventTypeId, teamMemberIds: [] };
}
