import type { INodeProperties } from 'n8n-workflow';

import * as check from './check.operation';
import * as getBusyTimes from './getBusyTimes.operation';
import * as getMany from './getMany.operation';

export const operations = { check, getBusyTimes, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['calendar'] } },
		default: 'getBusyTimes',
		options: [
			{
				name: 'Check Connection',
				value: 'check',
				action: 'Check a calendar connection',
				description:
					'Check whether a Google, Outlook (Office 365) or Apple calendar account is connected to Cal.com and working. Returns connected true, or false with Cal.com’s reason (not connected, invalid credentials, an expired token).',
			},
			{
				name: 'Get Busy Times',
				value: 'getBusyTimes',
				action: 'Get busy times from calendars',
				description:
					'Am I free? Get the busy times of the user’s connected calendars (Google, Outlook, Apple) between a start and an end: each busy span in UTC and in the requested time zone, with a label like "Thu 25 Mar, 10:00–11:30". Reads the calendars checked for conflicts unless others are chosen. No items means nothing busy in the range. Bookings made in Cal.com show here once they are on the calendar.',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many connected calendars',
				description:
					'List the calendars connected to the user’s Cal.com account: provider, name, credential ID and external ID (the "calendar" value Get Busy Times takes), whether it is the primary, whether Cal.com checks it for conflicts, and where new bookings are written. An account whose provider fails is listed with its error.',
			},
		],
	},
];
