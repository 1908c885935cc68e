import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nodeProperties, router } from './actions/router';
import { authenticationProperty, calComCredentials } from './transport';
import { ACTION_DESCRIPTION } from './identity';
import {
	searchEventTypes,
	searchOrganizationTeams,
	searchOrganizationUserSchedules,
	searchOrganizationUsers,
	searchRoutingForms,
	searchSchedules,
	searchTeamEventTypes,
	searchTeamMembers,
	searchTeams,
	searchWebhooks,
} from './methods/listSearch';
import {
	getBookingQuestions,
	getCalendars,
	getTeamHosts,
	getTimeZones,
} from './methods/loadOptions';

export class CalCom implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cal.com API v2',
		name: 'calCom',
		icon: { light: 'file:calcom.svg', dark: 'file:calcom.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: ACTION_DESCRIPTION,
		defaults: { name: 'Cal.com' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: calComCredentials,
		properties: [authenticationProperty, ...nodeProperties()],
	};

	methods = {
		listSearch: {
			searchEventTypes,
			searchOrganizationTeams,
			searchOrganizationUserSchedules,
			searchOrganizationUsers,
			searchRoutingForms,
			searchSchedules,
			searchTeamEventTypes,
			searchTeamMembers,
			searchTeams,
			searchWebhooks,
		},
		loadOptions: { getBookingQuestions, getCalendars, getTeamHosts, getTimeZones },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
