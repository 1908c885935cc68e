/**
 * Event-type inputs (CreateEventTypeInput_2024_06_14 / UpdateEventTypeInput_2024_06_14) turned
 * into the sandbox's stored event type.
 *
 * Booking fields, as Cal.com's input transformer treats them [read for behaviour in Cal.com's
 * transformers; details inferred]: the system questions (name, email, title, notes, guests,
 * rescheduleReason, location, attendeePhoneNumber) always stay — an input item for one of them
 * only changes its label, placeholder, required or hidden flags — while the custom questions are
 * exactly the ones sent. So a PATCH with one custom question drops every other custom question:
 * the "replace on PATCH" of API-NOTES §5.
 */
import type { SandboxBookingField } from '../types';

type Input = Record<string, unknown>;

/** The system questions of a new event type, as Cal.com adds them (see fixture event type 11). */
export function defaultBookingFields(): SandboxBookingField[] {
	const common = { required: false, hidden: false, isDefault: true, placeholder: '', disableOnPrefill: false };
	return [
		{ ...common, type: 'name', slug: 'name', label: 'Your name', required: true, hidden: undefined },
		{ ...common, type: 'email', slug: 'email', label: 'Email address', required: true },
		{ ...common, type: 'text', slug: 'title', label: 'What is this meeting about?', required: true, hidden: true },
		{ ...common, type: 'textarea', slug: 'notes', label: 'Additional notes' },
		{ ...common, type: 'multiemail', slug: 'guests', label: 'Add guests' },
		{ ...common, type: 'textarea', slug: 'rescheduleReason', label: 'Reason for reschedule' },
		{ ...common, type: 'phone', slug: 'attendeePhoneNumber', label: 'Phone number', hidden: true },
	].map((field) => JSON.parse(JSON.stringify(field)) as SandboxBookingField);
}

const SYSTEM_TYPES: Record<string, string> = {
	title: 'text',
	notes: 'textarea',
	guests: 'multiemail',
	rescheduleReason: 'textarea',
	location: 'radioInput',
};

const CHANGEABLE = ['label', 'placeholder', 'required', 'hidden', 'disableOnPrefill'] as const;

/** The system slug an input item addresses, if it is a system item. */
function systemSlug(item: Input): string | undefined {
	if (item.type === 'name' || item.type === 'email') return item.type;
	if (typeof item.slug === 'string' && item.slug in SYSTEM_TYPES && item.type === undefined) return item.slug;
	return undefined;
}

/**
 * The stored booking fields after `input` (the whole new array) is applied to `current`, or a
 * problem text (duplicate custom slugs, a custom slug that is a system one).
 */
export function applyBookingFields(current: SandboxBookingField[], input: Input[]): SandboxBookingField[] | string {
	const system = current.filter((f) => f.isDefault).map((f) => ({ ...f }));
	const custom: SandboxBookingField[] = [];
	const seen = new Set<string>();
	for (const item of input) {
		const slug = systemSlug(item);
		if (slug) {
			let field = system.find((f) => f.slug === slug);
			if (!field) {
				field = { type: SYSTEM_TYPES[slug] ?? slug, slug, required: false, hidden: false, isDefault: true };
				system.push(field);
			}
			for (const key of CHANGEABLE) if (item[key] !== undefined) (field as unknown as Input)[key] = item[key];
			continue;
		}
		const customSlug = String(item.slug);
		// [inferred] texts: Cal.com rejects both in its booking-fields transformer.
		if (system.some((f) => f.slug === customSlug)) return `Booking field slug "${customSlug}" is reserved for a system field.`;
		if (seen.has(customSlug)) return `Duplicate booking field slug "${customSlug}": each booking field needs its own slug.`;
		seen.add(customSlug);
		const field: SandboxBookingField = {
			type: String(item.type),
			slug: customSlug,
			label: item.label as string | undefined,
			required: Boolean(item.required),
			hidden: Boolean(item.hidden),
			isDefault: false,
			disableOnPrefill: Boolean(item.disableOnPrefill),
		};
		if (typeof item.placeholder === 'string') field.placeholder = item.placeholder;
		if (Array.isArray(item.options)) field.options = item.options.map(String);
		custom.push(field);
	}
	return [...system, ...custom];
}
