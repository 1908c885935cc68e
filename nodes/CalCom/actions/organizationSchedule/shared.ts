import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	organizationFields,
	organizationPath,
	orgUserLocator,
	readOrganizationId,
	readUserId,
} from '../organization';
import { readScheduleId, scheduleIdLocator } from '../schedule/shared';

/** Whose schedule: a user of the organization (picked from its users, or by ID). */
export const scheduleOwnerField = orgUserLocator(
	'userId',
	'User',
	'The organization user whose schedules these are',
);

/** One of that user's schedules, picked from their list or by ID. */
export const userScheduleLocator: INodeProperties = {
	...scheduleIdLocator,
	description: 'One of the user’s availability schedules (working hours)',
	modes: (scheduleIdLocator.modes ?? []).map((mode) =>
		mode.name === 'list'
			? {
					...mode,
					typeOptions: {
						searchListMethod: 'searchOrganizationUserSchedules',
						searchable: true,
					},
				}
			: mode,
	),
};

export function userScheduleNotFound(id: number, userId: number, orgId: number): string {
	return `Schedule ${id} was not found in organization ${orgId}. Organization Schedule → Get Many lists the schedules of user ${userId}.`;
}

/** The organization, the user and one of their schedules: what Get, Update and Delete pick. */
export const userScheduleFields: INodeProperties[] = [
	...organizationFields,
	scheduleOwnerField,
	userScheduleLocator,
];

/** The user's path below the organization, each ID checked by its field before any request. */
export async function readUserPath(
	ctx: IExecuteFunctions,
	itemIndex: number,
	...rest: number[]
): Promise<{ path: string; userId: number; orgId: number }> {
	const userId = readUserId(ctx, itemIndex, 'userId', 'User');
	const orgId = await readOrganizationId(ctx, itemIndex);
	return { path: organizationPath(orgId, 'users', userId, 'schedules', ...rest), userId, orgId };
}

/** The path of the picked schedule and what to say when Cal.com finds no such schedule. */
export async function readSchedulePath(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Promise<{ id: number; path: string; notFoundMessage: string }> {
	const id = readScheduleId(ctx, itemIndex);
	const { path, userId, orgId } = await readUserPath(ctx, itemIndex, id);
	return { id, path, notFoundMessage: userScheduleNotFound(id, userId, orgId) };
}
