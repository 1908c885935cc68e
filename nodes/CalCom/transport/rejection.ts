import type { IDataObject } from 'n8n-workflow';

import { isRecord } from '../helpers/json';

/**
 * What the node can say about input Cal.com refused without repeating the input.
 *
 * Hosted Cal.com answers a refused DTO with only "Bad Request Exception"; a self-hosted server
 * not in production mode adds class-validator's errors, whose `target` and `value` hold the
 * request body — attendee emails, phone numbers. So the node names the fields it sent (names,
 * never values), reads those errors for property paths and rule texts only, and masks every
 * email address and phone number of the request in any text of Cal.com's it passes on.
 */
export interface SentInput {
	/** Body field names, nested ones dotted: attendee.email, guests[].email. */
	fields: string[];
	/** Query parameter names. */
	query: string[];
	/** Email addresses and phone numbers in the request, to be masked wherever Cal.com quotes them. */
	personal: string[];
}

/** Hosted Cal.com's whole message when its global validation pipe refuses a DTO. */
export const GLOBAL_PIPE_MESSAGE = 'Bad Request Exception';

const MAX_DEPTH = 2;
const MAX_CHECKS = 10;
const PHONE = /^\+?[\d\s().-]{7,}$/;

function collectNames(value: unknown, name: string, depth: number, out: Set<string>): void {
	if (Array.isArray(value) && value.some(isRecord)) {
		for (const item of value) collectNames(item, `${name}[]`, depth, out);
	} else if (isRecord(value) && depth < MAX_DEPTH && Object.keys(value).length > 0) {
		for (const [key, inner] of Object.entries(value))
			collectNames(inner, name ? `${name}.${key}` : key, depth + 1, out);
	} else if (name) {
		out.add(name);
	}
}

function isPersonal(text: string): boolean {
	const digits = text.replace(/\D/g, '').length;
	return text.includes('@') || (PHONE.test(text.trim()) && digits >= 7);
}

function collectPersonal(value: unknown, out: Set<string>): void {
	if (typeof value === 'string') {
		if (isPersonal(value)) out.add(value.trim());
	} else if (Array.isArray(value)) {
		for (const item of value) collectPersonal(item, out);
	} else if (isRecord(value)) {
		for (const inner of Object.values(value)) collectPersonal(inner, out);
	}
}

export function sentInput(body?: IDataObject, qs?: IDataObject): SentInput {
	const fields = new Set<string>();
	collectNames(body ?? {}, '', 0, fields);
	const personal = new Set<string>();
	collectPersonal(body, personal);
	collectPersonal(qs, personal);
	const query = Object.entries(qs ?? {})
		.filter(([, value]) => value !== undefined)
		.map(([key]) => key);
	return { fields: [...fields], query, personal: [...personal].filter(Boolean) };
}

/** `text` with every email address and phone number of the request replaced. */
export function maskPersonal(text: string, sent: SentInput | undefined): string {
	let out = text;
	// Longest first, so a value inside another is not left half masked.
	for (const value of [...(sent?.personal ?? [])].sort((a, b) => b.length - a.length)) {
		const placeholder = value.includes('@') ? '<email>' : '<phone>';
		out = out.replace(new RegExp(value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), placeholder);
	}
	return out;
}

/**
 * "guests[1].email: email must be an email" for each class-validator error in `details.errors`.
 * Only `property`, `children` and `constraints` are read: `target` and `value` carry the body.
 */
export function validationChecks(details: unknown, sent: SentInput | undefined): string[] {
	if (!isRecord(details) || !Array.isArray(details.errors)) return [];
	const out: string[] = [];
	const walk = (errors: unknown[], parent: string) => {
		for (const error of errors) {
			if (!isRecord(error) || typeof error.property !== 'string') continue;
			const path = /^\d+$/.test(error.property)
				? `${parent}[${error.property}]`
				: parent
					? `${parent}.${error.property}`
					: error.property;
			if (isRecord(error.constraints)) {
				const texts = Object.values(error.constraints).filter(
					(t): t is string => typeof t === 'string',
				);
				if (texts.length) out.push(maskPersonal(`${path}: ${texts.join(', ')}`, sent));
			}
			if (Array.isArray(error.children)) walk(error.children, path);
		}
	};
	walk(details.errors, '');
	return out.slice(0, MAX_CHECKS);
}

/** "Fields sent: a, b. Query parameters sent: c." — names only. */
export function sentNames(sent: SentInput | undefined): string | undefined {
	if (!sent) return undefined;
	const parts: string[] = [];
	if (sent.fields.length) parts.push(`Fields sent: ${sent.fields.join(', ')}.`);
	if (sent.query.length) parts.push(`Query parameters sent: ${sent.query.join(', ')}.`);
	return parts.length ? parts.join(' ') : 'No fields were sent.';
}

/** The booking and slots pipes name the property themselves ("<prop> property is wrong,…"). */
export function namesProperty(message: string | undefined): boolean {
	return !!message && / property is wrong,/.test(message);
}
