import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { nodeProperties, router } from './actions/router';
import {
	searchEventTypes,
	searchOrganizationTeams,
	searchOrganizationUserSchedules,
	searchOrganizationUsers,
	searchSchedules,
	searchTeamMembers,
	searchTeams,
	searchWebhooks,
} from './methods/listSearch';
import { getBookingQuestions, getTimeZones } from './methods/loadOptions';

export class CalCom implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cal.com',
		name: 'calCom',
		icon: { light: 'file:calcom.svg', dark: 'file:calcom.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description:
			'Schedule with Cal.com: find free slots, book, reschedule and cancel meetings (Cal.com API v2)',
		defaults: { name: 'Cal.com' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'calComV2Api', required: true }],
		properties: nodeProperties(),
	};

	methods = {
		listSearch: {
			searchEventTypes,
			searchOrganizationTeams,
			searchOrganizationUserSchedules,
			searchOrganizationUsers,
			searchSchedules,
			searchTeamMembers,
			searchTeams,
			searchWebhooks,
		},
		loadOptions: { getBookingQuestions, getTimeZones },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
