import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { apiPath, calComRequest } from '../../transport';
import { optionsCollection } from '../common.descriptions';
import { teamIdLocator } from '../teamAccess';
import {
	asTeamAdmin,
	organizationIdOption,
	readPlace,
	readTeamEventTypeId,
	teamEventTypeIdLocator,
	teamEventTypeNotFound,
} from './shared';

export const description: INodeProperties[] = [
	teamIdLocator,
	teamEventTypeIdLocator,
	optionsCollection(organizationIdOption),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const place = readPlace(this, itemIndex);
	const id = readTeamEventTypeId(this, itemIndex);
	await asTeamAdmin(place, async () =>
		calComRequest.call(this, {
			method: 'DELETE',
			path: `${place.path}${apiPath`/${id}`}`,
			timeoutMs: readTimeoutMs(this, itemIndex),
			notFoundMessage: teamEventTypeNotFound(id, place.teamId),
		}),
	);
	return [{ deleted: true, id }];
}
