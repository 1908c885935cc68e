import type { INodeProperties } from 'n8n-workflow';

import * as connectGoogleMeet from './connectGoogleMeet.operation';
import * as getDefault from './getDefault.operation';
import * as getMany from './getMany.operation';
import * as setDefault from './setDefault.operation';

export const operations = { connectGoogleMeet, getDefault, getMany, setDefault };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['conferencing'] } },
		default: 'getMany',
		options: [
			{
				name: 'Connect Google Meet',
				value: 'connectGoogleMeet',
				action: 'Connect google meet',
				description:
					'Install Google Meet for the user, so bookings can get a Meet link. Cal.com needs a working Google Calendar connection first and refuses a second install ("Google Meet is already connected."). Returns the new app.',
			},
			{
				name: 'Get Default',
				value: 'getDefault',
				action: 'Get the default conferencing app',
				description:
					'Get the video-call app the user chose as default in Cal.com (app slug, name and, for a link-based app, its link). isSet false: none chosen, and Cal.com uses Cal Video.',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many installed conferencing apps',
				description:
					'List the video-call apps installed for the user (Google Meet, Zoom, Microsoft Teams): credential ID, app slug, name, and whether the connection works. Cal Video is built in and not listed.',
			},
			{
				name: 'Set Default',
				value: 'setDefault',
				action: 'Set the default conferencing app',
				description:
					'Make Cal Video, Google Meet, Zoom or Microsoft Teams the user’s default video-call app. Cal.com refuses an app that is not installed ("zoom not connected."). Returns the new default.',
			},
		],
	},
];
