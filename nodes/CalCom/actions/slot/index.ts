import type { INodeProperties } from 'n8n-workflow';

import * as findNextFree from './findNextFree.operation';
import * as getAvailable from './getAvailable.operation';
import * as getReservation from './getReservation.operation';
import * as releaseReservation from './releaseReservation.operation';
import * as reserve from './reserve.operation';
import * as updateReservation from './updateReservation.operation';

export const operations = {
	getAvailable,
	findNextFree,
	reserve,
	getReservation,
	updateReservation,
	releaseReservation,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['slot'] } },
		default: 'getAvailable',
		options: [
			{
				name: 'Find Next Free',
				value: 'findNextFree',
				action: 'Find the next free slots',
				description:
					'The first N free slots at or after a time, optionally within a daily window such as 09:00–17:00 in a time zone; each with a short local label',
			},
			{
				name: 'Get Available',
				value: 'getAvailable',
				action: 'Get available slots',
				description:
					'List the free start times of an event type between two times. Returns one item per slot with start and end in UTC and in the requested time zone.',
			},
			{
				name: 'Get Reservation',
				value: 'getReservation',
				action: 'Get a slot reservation',
				description: 'Get a slot hold by its reservation UID',
			},
			{
				name: 'Release Reservation',
				value: 'releaseReservation',
				action: 'Release a slot reservation',
				description:
					'Delete a slot hold so others can book the slot again. Returns {deleted: true}, also for a UID that holds nothing (expired, released or never made): Cal.com answers the same either way.',
			},
			{
				name: 'Reserve',
				value: 'reserve',
				action: 'Reserve a slot',
				description:
					'Hold a free slot of an event type for a few minutes so nobody else books it. Returns the reservation UID and when the hold ends.',
			},
			{
				name: 'Update Reservation',
				value: 'updateReservation',
				action: 'Update a slot reservation',
				description:
					'Move a slot hold to another start time or change how long it lasts. Cal.com cannot move a hold onto time it overlaps (extending or shifting it a little), so then the hold is released and made anew: the output has a new reservationUid, reservationUidChanged true and previousReservationUid.',
			},
		],
	},
];
