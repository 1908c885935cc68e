import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readTimeoutMs } from '../../helpers/parameters';
import { apiPath, calComRequest } from '../../transport';
import { optionsCollection } from '../common.descriptions';
import { readReservationUid, reservationUidField } from './shared';

export const description: INodeProperties[] = [reservationUidField, optionsCollection()];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const uid = readReservationUid(this, itemIndex);
	await calComRequest.call(this, {
		method: 'DELETE',
		path: apiPath`/v2/slots/reservations/${uid}`,
		timeoutMs: readTimeoutMs(this, itemIndex),
		notFoundMessage: `Reservation ${uid} was not found`,
	});
	return [{ deleted: true, reservationUid: uid }];
}
