import type { IDataObject } from 'n8n-workflow';

const SIMPLE_FIELDS = [
	'id',
	'username',
	'email',
	'name',
	'timeZone',
	'defaultScheduleId',
	'weekStart',
	'timeFormat',
	'organizationId',
];

/** The profile fields a person or an agent needs; absent ones are null. */
export function simplifyUser(me: IDataObject): IDataObject {
	const simple: IDataObject = {};
	for (const field of SIMPLE_FIELDS) simple[field] = me[field] ?? null;
	return simple;
}
