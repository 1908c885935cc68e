import { ParameterError } from '../../helpers/errors';

const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

/** Emails from a comma/semicolon/newline separated string or an array; each one checked. */
export function parseEmailList(value: unknown, field: string): string[] {
	const parts = Array.isArray(value)
		? value.map((entry) => String(entry))
		: typeof value === 'string'
			? value.split(/[,;\n]/)
			: [];
	const emails = parts.map((part) => part.trim()).filter(Boolean);
	const bad = emails.filter((email) => !EMAIL.test(email));
	if (bad.length) {
		throw new ParameterError(field, `${bad.map((email) => `"${email}"`).join(', ')} ${bad.length === 1 ? 'is not an email address' : 'are not email addresses'}.`);
	}
	return [...new Set(emails)];
}

export function isEmail(value: string): boolean {
	return EMAIL.test(value);
}
