/**
 * Where the saved OpenAPI document disagrees with Cal.com as it really behaves — in one
 * place. The validator (requests) and the response checker (tests) both read the document
 * through patchSpec(), so every exception is listed here and nowhere else.
 */
import type { JsonSchema } from './extra-schemas';

export interface SpecException {
	id: string;
	where: string;
	why: string;
}

export const SPEC_EXCEPTIONS: readonly SpecException[] = [
	{
		id: 'one-of-overlaps',
		where: 'every oneOf in the document (e.g. the POST /v2/bookings body, bookingFields items)',
		why:
			'NestJS swagger emits oneOf over DTOs that do not exclude each other (no additionalProperties: false, ' +
			'no const discriminators), so a plain booking body matches several variants and "exactly one" fails. ' +
			'Cal.com picks the variant from the content; we read oneOf as anyOf.',
	},
	{
		id: 'nullable-without-type',
		where:
			'properties with nullable: true beside $ref/allOf (e.g. GetScheduleOutput_2024_06_11.data)',
		why: 'OpenAPI 3.0 nullable needs a type for JSON-schema validators; such a property becomes anyOf [schema, null].',
	},
	{
		id: 'single-value-in-prose',
		where:
			'65 string properties described "only allowed value for type is `X`" (location inputs, booking-field inputs and outputs, …)',
		why:
			'The document states these discriminators only in prose, so any string would pass and oneOf/anyOf ' +
			'variants could not be told apart. Cal.com rejects other values; we turn the prose into enum: [X].',
	},
	{
		id: 'boolean-typed-as-object',
		where:
			'isDefault of every 2024-06-14 booking-field output, EmailDefaultFieldOutput_2024_06_14.required, a few workflow flags',
		why: 'The swagger generator typed boolean literals as "object"; Cal.com returns true/false.',
	},
	{
		id: 'slots-items-are-objects',
		where: 'GET /v2/slots 200 response',
		why:
			'The spec says data maps dates to arrays of strings and omits the {status, data} envelope; the code and ' +
			'the spec\'s own example return {status:"success", data:{"YYYY-MM-DD":[{start}]}} (range format adds end; ' +
			'seated event types add seatsBooked, seatsRemaining, seatsTotal, bookingUid).',
	},
	{
		id: 'slots-hidden-rr-host-subset',
		where: 'GET /v2/slots query',
		why:
			'rrHostSubsetIds is a property of GetAvailableSlotsInput_2024_09_04 hidden from the document with ' +
			'@ApiHideProperty (packages/platform/types/slots/slots-2024-09-04/inputs/get-slots.input.ts); Cal.com takes it, ' +
			'comma-separated. We add it as an optional string query parameter.',
	},
	{
		id: 'destination-calendar-id',
		where: 'DestinationCalendar.id (GET /v2/calendars)',
		why:
			'Typed "object" with no example; it is the DestinationCalendar row id, an integer (calendars.service.ts ' +
			'returns the row). We type it as a number.',
	},
	{
		id: 'number-typed-as-object',
		where:
			'slotInterval of the 2024-06-14 event-type outputs (and any other "object" whose example is a number)',
		why: 'The swagger generator typed number | null as "object"; Cal.com returns a number or null.',
	},
	{
		id: 'string-typed-as-object',
		where:
			'status of CalendarLinksOutput_2024_08_13 and BookingReferencesOutput_2024_08_13 (example "success")',
		why: 'The swagger generator typed the "success" literal as "object"; Cal.com returns the string.',
	},
	{
		id: 'people-typed-as-strings',
		where: 'EventTypeOutput_2024_06_14.users, TeamEventTypeOutput_2024_06_14.hosts',
		why:
			'Typed as arrays of strings; Cal.com returns objects (users: id, name, username, avatarUrl, weekStart, ' +
			'brandColor, darkBrandColor, metadata; hosts: userId, name, username, avatarUrl). We require the ids and names.',
	},
	{
		id: 'self-referencing-outputs',
		where: 'GetReservedSlotOutput_2024_09_04.data, ReassignBookingOutput_2024_08_13.data',
		why:
			'Both data properties point back at the envelope schema itself, so no real answer can match. Cal.com returns ' +
			'the reservation (ReserveSlotOutput_2024_09_04 without reservationDuration) or null, and for reassignment ' +
			'{bookingUid, reassignedTo: {id, name, email, displayEmail}} (its output service, read for behaviour).',
	},
	{
		id: 'nullable-booking-texts',
		where:
			'description and location of BookingOutput_2024_08_13, RecurringBookingOutput_2024_08_13 and the seated Get/Create outputs',
		why: 'Declared as required strings, but Cal.com copies the nullable database columns as they are: a booking without notes or location has null.',
	},
	{
		id: 'time-pattern-by-name',
		where:
			'startTime/endTime of the 2024-06-11 schedule availability and override inputs and outputs',
		why:
			'The document gives the pattern as the name of Cal.com\'s constant ("TIME_FORMAT_HH_MM"), which as a regular ' +
			'expression matches no time. Cal.com checks 24-hour HH:MM with @Matches(TIME_FORMAT_HH_MM); we use that regex.',
	},
	{
		id: 'pagination-as-served',
		where: 'PaginationMetaDto (the offset pagination of GET /v2/bookings and other lists)',
		why:
			'The document says currentPage ≥ 1 and requires returnedItems. apps/api/v2/src/lib/pagination/pagination.ts ' +
			'answers currentPage 0 (of 0 pages) for an empty collection, and its earlier version named the count ' +
			'itemsReturned; either name is accepted, one is required.',
	},
	{
		id: 'enum-on-array',
		where: 'days of ScheduleAvailabilityInput_2024_06_11 (type array with the day names as enum)',
		why: 'The enum belongs to the items (which repeat it); an array never equals a string, so the array-level enum is dropped.',
	},
	{
		id: 'team-memberships-list',
		where: 'GetTeamMembershipsOutput.data (GET /v2/teams/{teamId}/memberships)',
		why:
			'Declared as one TeamMembershipOutput; apps/api/v2/src/modules/teams/memberships/controllers/' +
			'teams-memberships.controller.ts (getTeamMemberships) answers the page as an array of them.',
	},
	{
		id: 'org-user-update-fields',
		where: 'UpdateOrganizationUserInput (PATCH /v2/organizations/{orgId}/users/{userId})',
		why:
			"Documented with no properties. Cal.com's class extends UpdateUserInput, PartialType(CreateUserInput) " +
			'(apps/api/v2/src/modules/users/inputs/update-user.input.ts): every field of CreateOrganizationUserInput ' +
			'but organizationRole and autoAccept, none required.',
	},
	{
		id: 'org-memberships-list-is-array',
		where: 'GetAllOrgMemberships.data (GET /v2/organizations/{orgId}/memberships)',
		why:
			'Documented as one membership; the output class types it OrganizationMembershipOutput[] with @IsArray ' +
			'(apps/api/v2/src/modules/organizations/memberships/outputs/get-all-memberships.output.ts) and the ' +
			'controller answers the list.',
	},
	{
		id: 'ooo-nullable-fields',
		where: 'toUserId and notes of UserOooOutputDto (the out-of-office answers)',
		why:
			'Typed number and string; Cal.com exposes the nullable OutOfOfficeEntry columns as they are ' +
			'(apps/api/v2/src/modules/ooo/outputs/ooo.output.ts, @Expose with excludeAll), so an entry without a ' +
			'redirect or notes has null.',
	},
	{
		id: 'routing-form-answers-body',
		where:
			'POST /v2/routing-forms/{routingFormId}/calculate-slots and POST …/routing-forms/{routingFormId}/responses (organization and team routes)',
		why:
			'The document declares no body, but Cal.com reads the answers from it: routing-forms.service.ts and ' +
			'shared-routing-form-response.service.ts pass request.body (field identifier → answer) to getRoutedUrl. ' +
			'We add an optional JSON object body whose values are strings, numbers or lists of strings. ' +
			'RoutingFormResponseOutput.routedToBookingUid is null until the response leads to a booking (a nullable column); ' +
			'RoutingFormOutput.routes and .fields are JSON columns that hold lists (typed "object" by the generator).',
	},
	{
		id: 'membership-user-nullable',
		where:
			'avatarUrl, username, name and bio of MembershipUserOutputDto (organization memberships)',
		why: 'Typed string; Cal.com selects the nullable user columns as they are, so a user without them has null.',
	},
];

/** Cal.com's TIME_FORMAT_HH_MM: 00:00 to 23:59. */
const TIME_HH_MM = '^([01]\\d|2[0-3]):[0-5]\\d$';

const PERSON = {
	type: 'object',
	properties: { id: { type: 'number' }, name: { type: ['string', 'null'] } },
	required: ['id', 'name'],
};
const HOST = {
	type: 'object',
	properties: { userId: { type: 'number' }, name: { type: ['string', 'null'] } },
	required: ['userId', 'name'],
};

const RESERVED_SLOT = {
	anyOf: [
		{
			type: 'object',
			properties: {
				eventTypeId: { type: 'number' },
				slotStart: { type: 'string' },
				slotEnd: { type: 'string' },
				slotDuration: { type: 'number' },
				reservationUid: { type: 'string' },
				reservationUntil: { type: 'string' },
			},
			required: [
				'eventTypeId',
				'slotStart',
				'slotEnd',
				'slotDuration',
				'reservationUid',
				'reservationUntil',
			],
		},
		{ type: 'null' },
	],
};

const REASSIGNED = {
	type: 'object',
	properties: {
		bookingUid: { type: 'string' },
		reassignedTo: {
			type: 'object',
			properties: {
				id: { type: 'number' },
				name: { type: 'string' },
				email: { type: 'string' },
				displayEmail: { type: 'string' },
			},
			required: ['id', 'name', 'email', 'displayEmail'],
		},
	},
	required: ['bookingUid', 'reassignedTo'],
};

const SLOTS_RESPONSE: JsonSchema = {
	type: 'object',
	properties: {
		status: { type: 'string', enum: ['success'] },
		data: {
			type: 'object',
			additionalProperties: {
				type: 'array',
				items: {
					type: 'object',
					properties: {
						start: { type: 'string' },
						end: { type: 'string' },
						seatsBooked: { type: 'number' },
						seatsRemaining: { type: 'number' },
						seatsTotal: { type: 'number' },
						bookingUid: { type: 'string' },
					},
					required: ['start'],
					additionalProperties: false,
				},
			},
		},
	},
	required: ['status', 'data'],
};

type Node = Record<string, unknown>;

const SINGLE_VALUE = /only allowed value for (?:the )?[\w.]+ is `([^`]+)`/i;

function isObject(value: unknown): value is Node {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function patchNode(node: Node): void {
	if (Array.isArray(node.oneOf)) {
		node.anyOf = node.oneOf;
		delete node.oneOf;
	}
	if (node.nullable === true && node.type === undefined) {
		const rest: Node = { ...node };
		delete rest.nullable;
		for (const key of Object.keys(node)) delete node[key];
		node.anyOf = [rest, { type: 'null' }];
	}
	const single = typeof node.description === 'string' ? SINGLE_VALUE.exec(node.description) : null;
	if (single && node.type === 'string' && node.enum === undefined) node.enum = [single[1]];
	if (
		node.type === 'object' &&
		node.properties === undefined &&
		(typeof node.default === 'boolean' || typeof node.example === 'boolean')
	) {
		node.type = 'boolean';
	}
	if (node.type === 'object' && node.properties === undefined && typeof node.example === 'number')
		node.type = 'number';
	if (node.type === 'object' && node.properties === undefined && typeof node.example === 'string')
		node.type = 'string';
	if (node.pattern === 'TIME_FORMAT_HH_MM') node.pattern = TIME_HH_MM;
	if (node.type === 'array' && Array.isArray(node.enum) && isObject(node.items)) delete node.enum;
}

function patchSchemas(schemas: Record<string, Node>): void {
	const props = (name: string) => (schemas[name]?.properties ?? {}) as Record<string, Node>;
	// destination-calendar-id: Cal.com's DestinationCalendar row id is an integer.
	const destination = props('DestinationCalendar');
	if (destination.id) destination.id = { type: 'number' };
	const users = props('EventTypeOutput_2024_06_14').users;
	if (users) users.items = PERSON;
	const hosts = props('TeamEventTypeOutput_2024_06_14').hosts;
	if (hosts) hosts.items = HOST;
	if (schemas.GetReservedSlotOutput_2024_09_04)
		props('GetReservedSlotOutput_2024_09_04').data = RESERVED_SLOT;
	if (schemas.ReassignBookingOutput_2024_08_13)
		props('ReassignBookingOutput_2024_08_13').data = REASSIGNED;
	if (schemas.GetTeamMembershipsOutput)
		props('GetTeamMembershipsOutput').data = {
			type: 'array',
			items: { $ref: '#/components/schemas/TeamMembershipOutput' },
		};
	patchOrganizationSchemas(schemas);
	patchRoutingFormSchemas(schemas);
	const pagination = schemas.PaginationMetaDto;
	if (pagination) {
		const fields = props('PaginationMetaDto');
		if (fields.currentPage) fields.currentPage.minimum = 0;
		if (fields.returnedItems) fields.itemsReturned = fields.returnedItems;
		pagination.required = ((pagination.required ?? []) as string[]).filter(
			(name) => name !== 'returnedItems',
		);
		pagination.anyOf = [{ required: ['returnedItems'] }, { required: ['itemsReturned'] }];
	}
	for (const name of [
		'BookingOutput_2024_08_13',
		'RecurringBookingOutput_2024_08_13',
		'GetSeatedBookingOutput_2024_08_13',
		'CreateSeatedBookingOutput_2024_08_13',
	]) {
		for (const key of ['description', 'location']) {
			const prop = props(name)[key];
			if (prop) props(name)[key] = { anyOf: [prop, { type: 'null' }] };
		}
	}
}

function patchOrganizationSchemas(schemas: Record<string, Node>): void {
	const create = schemas.CreateOrganizationUserInput?.properties as Node | undefined;
	if (create && schemas.UpdateOrganizationUserInput) {
		const fields: Node = { ...create };
		delete fields.organizationRole;
		delete fields.autoAccept;
		schemas.UpdateOrganizationUserInput.properties = fields;
	}
	const list = schemas.GetAllOrgMemberships?.properties as Node | undefined;
	if (list?.data) list.data = { type: 'array', items: list.data };
	const ooo = schemas.UserOooOutputDto?.properties as Record<string, Node> | undefined;
	for (const key of ['toUserId', 'notes']) {
		if (ooo?.[key]) ooo[key] = { anyOf: [ooo[key], { type: 'null' }] };
	}
	const member = schemas.MembershipUserOutputDto?.properties as Record<string, Node> | undefined;
	for (const key of ['avatarUrl', 'username', 'name', 'bio']) {
		if (member?.[key]) member[key] = { anyOf: [member[key], { type: 'null' }] };
	}
}

function walk(value: unknown): void {
	if (Array.isArray(value)) {
		for (const item of value) walk(item);
		return;
	}
	if (!isObject(value)) return;
	for (const child of Object.values(value)) walk(child);
	patchNode(value);
}

/** A patched deep copy of Cal.com's document; the original object is left as it is. */
export function patchSpec(document: unknown): Node {
	const doc = structuredClone(document) as Node;
	walk(doc);

	const schemas = ((doc.components as Node).schemas ?? {}) as Record<string, Node>;
	const emailRequired = (schemas.EmailDefaultFieldOutput_2024_06_14?.properties as Node | undefined)
		?.required;
	if (isObject(emailRequired)) emailRequired.type = 'boolean';
	patchSchemas(schemas);

	const slots = ((doc.paths as Node)['/v2/slots'] as Node | undefined)?.get as Node | undefined;
	const ok = (slots?.responses as Node | undefined)?.['200'] as Node | undefined;
	if (ok) ok.content = { 'application/json': { schema: SLOTS_RESPONSE } };
	if (slots && Array.isArray(slots.parameters)) {
		slots.parameters.push({
			name: 'rrHostSubsetIds',
			in: 'query',
			required: false,
			schema: { type: 'string' },
		});
	}
	addRoutingFormAnswersBody(doc.paths as Node);
	return doc;
}

const ANSWERS_BODY: Node = {
	required: false,
	content: {
		'application/json': {
			schema: {
				type: 'object',
				additionalProperties: {
					anyOf: [
						{ type: 'string' },
						{ type: 'number' },
						{ type: 'array', items: { type: 'string' } },
					],
				},
			},
		},
	},
};

function addRoutingFormAnswersBody(paths: Node): void {
	for (const [template, item] of Object.entries(paths)) {
		const post = isObject(item) ? (item.post as Node | undefined) : undefined;
		const answers =
			template === '/v2/routing-forms/{routingFormId}/calculate-slots' ||
			/\/routing-forms\/\{routingFormId\}\/responses$/.test(template);
		if (post && answers && post.requestBody === undefined)
			post.requestBody = structuredClone(ANSWERS_BODY);
	}
}

/** A response not (yet) routed to a booking has routedToBookingUid null (a nullable column). */
function patchRoutingFormSchemas(schemas: Record<string, Node>): void {
	const response = schemas.RoutingFormResponseOutput?.properties as
		| Record<string, Node>
		| undefined;
	if (response?.routedToBookingUid)
		response.routedToBookingUid = { anyOf: [response.routedToBookingUid, { type: 'null' }] };
	const form = schemas.RoutingFormOutput?.properties as Record<string, Node> | undefined;
	for (const key of ['routes', 'fields']) {
		if (form?.[key]) form[key] = { anyOf: [{ type: 'array' }, form[key]] };
	}
}
