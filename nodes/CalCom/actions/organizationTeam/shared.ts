import type { IDataObject } from 'n8n-workflow';

import { asRecord } from '../../helpers/json';
import { simplifyTeam } from '../team/shared';
import type { CalComAnswer } from '../types';

/** An organization team as Team's Simplified gives it, plus the key user's role where Cal.com says. */
export function simplifyOrgTeam(team: IDataObject): IDataObject {
	const simple = simplifyTeam(team);
	if (team.role !== undefined) simple.myRole = team.role;
	if (team.accepted !== undefined) simple.accepted = team.accepted;
	return simple;
}

export function shapeOrgTeams(data: unknown): CalComAnswer {
	const list = (Array.isArray(data) ? data : [data]).map(asRecord);
	return { data: list, simplify: simplifyOrgTeam };
}
