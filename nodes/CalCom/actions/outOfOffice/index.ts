import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteEntry from './delete.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export const operations = { create, delete: deleteEntry, getMany, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['outOfOffice'] } },
		default: 'create',
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create an out of office entry',
				description:
					'Mark an organization user away from a start day to an end day (whole days, read in a time zone), with a reason (vacation, travel, sick leave, public holiday, unspecified), notes, and optionally another user who takes their bookings. Cal.com offers none of the user’s slots on those days. Needs an organization admin’s API key. Returns the entry.',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete an out of office entry',
				description:
					'Remove an out-of-office entry of a user, so their slots come back. Returns deleted: true and the entry ID.',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many out of office entries',
				description:
					'List the out-of-office entries of one organization user, or of the whole organization (optionally one email). One item each: ID, user ID, first and last day, reason, notes, redirect.',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update an out of office entry',
				description:
					'Change an entry’s days (give both start and end), reason, notes or redirect. Returns the entry.',
			},
		],
	},
];
