import { describeValue, ParameterError } from '../../helpers/errors';

const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;
/** RFC 5321's limit; Cal.com's email validation refuses longer addresses. */
const MAX_EMAIL_LENGTH = 254;

/** Why a text is not an email address, or undefined when it is one. */
export function emailProblem(email: string): string | undefined {
	if (email.length > MAX_EMAIL_LENGTH)
		return `${describeValue(email)} is longer than ${MAX_EMAIL_LENGTH} characters, the most an email address can have`;
	return EMAIL.test(email) ? undefined : `${describeValue(email)} is not an email address`;
}

/** Emails from a comma/semicolon/newline separated string or an array; each one checked. */
export function parseEmailList(value: unknown, field: string): string[] {
	if (value !== undefined && value !== null && typeof value !== 'string' && !Array.isArray(value)) {
		// Dropping it silently would act without the people the workflow meant to include.
		throw new ParameterError(
			field,
			`${describeValue(value)} is not a list of email addresses; give them comma-separated, e.g. ana@example.com, bo@example.com.`,
		);
	}
	const parts = Array.isArray(value)
		? value.map((entry) => (typeof entry === 'string' ? entry : JSON.stringify(entry)))
		: (value ?? '').split(/[,;\n]/);
	const emails = parts.map((part) => part.trim()).filter(Boolean);
	const problems = emails
		.map(emailProblem)
		.filter((problem): problem is string => problem !== undefined);
	if (problems.length) throw new ParameterError(field, `${problems.join('; ')}.`);
	return [...new Set(emails)];
}
