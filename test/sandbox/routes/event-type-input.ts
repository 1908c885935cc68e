/**
 * Event-type inputs (CreateEventTypeInput_2024_06_14 / UpdateEventTypeInput_2024_06_14) turned
 * into the sandbox's stored booking fields.
 *
 * Follows apps/api/v2/src/ee/event-types/event-types_2024_06_14/services/input-event-types.service.ts
 * (transformInputCreateEventType, transformInputUpdateEventType, getBookingFieldsWithGuestsToggled,
 * transformInputBookingFields) and .../transformers/api-to-internal/booking-fields.ts:
 * - `disableGuests` never reaches the database column: it only sets `hidden` on the guests item of
 *   the given `bookingFields`, adding `{slug: "guests", hidden}` when there is none — and when no
 *   `bookingFields` are given the list becomes that one item. So a PATCH with `disableGuests` alone
 *   rebuilds the whole form from it: every custom question and the attendee phone field are gone.
 * - The list sent is rebuilt, never merged with what is stored: name, email, location, then the
 *   other items in the order sent (custom questions and the attendee phone field), then title,
 *   notes, guests, rescheduleReason. A system question not sent comes back with its defaults.
 * - A system item's `required`/`hidden` are taken as sent (`!!value`, so an omitted flag is
 *   false); email's `required` defaults to true (EmailDefaultFieldInput_2024_06_14).
 * - The email must be required and visible, or the attendee phone field must be (400).
 * Inferred: Cal.com stores a system question without `label` (the Booker shows a translated
 * default); the sandbox prints its English default label instead, as the document requires one.
 */
import type { SandboxBookingField } from '../types';

type Input = Record<string, unknown>;

const common = {
	required: false,
	hidden: false,
	isDefault: true,
	placeholder: '',
	disableOnPrefill: false,
};

/** Cal.com's system questions with their defaults (transformers/internal-to-api/booking-fields.ts). */
const DEFAULTS: Record<string, SandboxBookingField> = {
	name: {
		...common,
		type: 'name',
		slug: 'name',
		label: 'Your name',
		required: true,
		hidden: undefined,
	},
	email: { ...common, type: 'email', slug: 'email', label: 'Email address', required: true },
	location: {
		...common,
		type: 'radioInput',
		slug: 'location',
		label: 'Location',
		placeholder: undefined,
		disableOnPrefill: undefined,
	},
	title: {
		...common,
		type: 'text',
		slug: 'title',
		label: 'What is this meeting about?',
		required: true,
		hidden: true,
	},
	notes: { ...common, type: 'textarea', slug: 'notes', label: 'Additional notes' },
	guests: { ...common, type: 'multiemail', slug: 'guests', label: 'Add guests' },
	rescheduleReason: {
		...common,
		type: 'textarea',
		slug: 'rescheduleReason',
		label: 'Reason for reschedule',
	},
	attendeePhoneNumber: {
		...common,
		type: 'phone',
		slug: 'attendeePhoneNumber',
		label: 'Phone number',
		hidden: true,
	},
};
const BEFORE = ['name', 'email', 'location'];
const AFTER = ['title', 'notes', 'guests', 'rescheduleReason'];

function copy(field: SandboxBookingField): SandboxBookingField {
	return JSON.parse(JSON.stringify(field)) as SandboxBookingField;
}

/** The system question an input item stands for (by type for name/email, by slug otherwise). */
function systemSlug(item: Input): string | undefined {
	if (item.type === 'name' || item.type === 'email') return item.type;
	if (item.type === 'phone' && item.slug === 'attendeePhoneNumber') return 'attendeePhoneNumber';
	const slug = typeof item.slug === 'string' ? item.slug : '';
	return AFTER.includes(slug) || slug === 'location' ? slug : undefined;
}

function systemField(slug: string, item: Input): SandboxBookingField {
	const field = copy(DEFAULTS[slug]);
	if (typeof item.label === 'string') field.label = item.label;
	if (slug === 'location') return field;
	field.placeholder = typeof item.placeholder === 'string' ? item.placeholder : '';
	field.disableOnPrefill = Boolean(item.disableOnPrefill);
	if (slug === 'name') return field;
	field.required = slug === 'email' ? item.required !== false : Boolean(item.required);
	field.hidden = Boolean(item.hidden);
	return field;
}

function customField(item: Input): SandboxBookingField {
	const field: SandboxBookingField = {
		type: String(item.type),
		slug: String(item.slug),
		label: item.label as string | undefined,
		required: Boolean(item.required),
		hidden: Boolean(item.hidden),
		isDefault: false,
		disableOnPrefill: Boolean(item.disableOnPrefill),
	};
	if (typeof item.placeholder === 'string') field.placeholder = item.placeholder;
	if (Array.isArray(item.options)) field.options = item.options.map(String);
	return field;
}

/** getBookingFieldsWithGuestsToggled: the list Cal.com goes on with when `disableGuests` is sent. */
function withGuestsToggled(input: Input[] | undefined, hidden: boolean): Input[] {
	if (!input) return [{ slug: 'guests', hidden }];
	const list = input.map((item) => ({ ...item }));
	const guests = list.find((item) => item.slug === 'guests');
	if (guests) guests.hidden = hidden;
	else list.push({ slug: 'guests', hidden });
	return list;
}

/**
 * The booking fields Cal.com stores for a create or update body, or undefined when an update
 * leaves them alone; a string is the 400 message when Cal.com refuses the result.
 */
export function bookingFieldsFromBody(
	body: Input,
	isCreate: boolean,
): SandboxBookingField[] | string | undefined {
	const given = Array.isArray(body.bookingFields) ? (body.bookingFields as Input[]) : undefined;
	const input =
		typeof body.disableGuests === 'boolean' ? withGuestsToggled(given, body.disableGuests) : given;
	if (!input && !isCreate) return undefined;
	const system = new Map<string, SandboxBookingField>();
	const middle: SandboxBookingField[] = [];
	for (const item of input ?? []) {
		const slug = systemSlug(item);
		if (slug === 'attendeePhoneNumber') middle.push(systemField(slug, item));
		else if (slug) {
			if (!system.has(slug)) system.set(slug, systemField(slug, item));
		} else middle.push(customField(item));
	}
	const pick = (slug: string) => system.get(slug) ?? copy(DEFAULTS[slug]);
	const fields = [...BEFORE.map(pick), ...middle, ...AFTER.map(pick)];
	// Follows packages/trpc/server/routers/viewer/eventTypes/util.ts ensureUniqueBookingFields
	// (the 400 status is inferred from API v2 turning a BAD_REQUEST into 400).
	const seen = new Set<string>();
	for (const field of fields) {
		if (seen.has(field.slug)) return `Duplicate booking field name: ${field.slug}`;
		seen.add(field.slug);
	}
	const visibleAndRequired = (slug: string) =>
		fields.some((f) => f.isDefault && f.slug === slug && f.required && !f.hidden);
	if (!visibleAndRequired('email') && !visibleAndRequired('attendeePhoneNumber')) {
		return 'Booking fields validation failed: visible and required email or visible and required attendee phone field is needed.';
	}
	return fields;
}
