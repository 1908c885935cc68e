import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { apiPath, calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import { teamIdLocator } from '../teamAccess';
import type { CalComAnswer } from '../types';
import {
	asTeamAdmin,
	organizationIdOption,
	readPlace,
	readTeamEventTypeId,
	shapeTeamEventTypes,
	teamEventTypeIdLocator,
	teamEventTypeNotFound,
} from './shared';

export const description: INodeProperties[] = [
	teamIdLocator,
	teamEventTypeIdLocator,
	outputField,
	optionsCollection(organizationIdOption),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const place = readPlace(this, itemIndex);
	const id = readTeamEventTypeId(this, itemIndex);
	const data = await asTeamAdmin(place, async () =>
		calComRequest.call(this, {
			method: 'GET',
			path: `${place.path}${apiPath`/${id}`}`,
			timeoutMs: readTimeoutMs(this, itemIndex),
			notFoundMessage: teamEventTypeNotFound(id, place.teamId),
		}),
	);
	return shapeTeamEventTypes(data, true);
}
