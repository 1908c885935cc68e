import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { ParameterError } from '../../helpers/errors';
import { readTimeoutMs } from '../../helpers/parameters';
import { apiPath, calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { readReservationUid, reservationUidField, simplifyReservation } from './shared';

export const description: INodeProperties[] = [
	reservationUidField,
	outputField,
	optionsCollection(),
];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const uid = readReservationUid(this, itemIndex);
	const data = (await calComRequest.call(this, {
		method: 'GET',
		path: apiPath`/v2/slots/reservations/${uid}`,
		timeoutMs: readTimeoutMs(this, itemIndex),
		notFoundMessage: `Reservation ${uid} was not found`,
	})) as IDataObject | null;
	if (!data) {
		// Cal.com answers data: null for a reservation that expired or never existed.
		throw new ParameterError(
			'Reservation UID',
			`no reservation ${uid} exists (it may have expired or been released).`,
		);
	}
	return { data: [data], simplify: simplifyReservation };
}
