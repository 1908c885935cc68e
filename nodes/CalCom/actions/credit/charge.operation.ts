import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { describeValue, ParameterError } from '../../helpers/errors';
import { readTimeoutMs, toPositiveInt } from '../../helpers/parameters';
import { calComRequest } from '../../transport';
import { optionsCollection, outputField } from '../common.descriptions';
import type { CalComAnswer } from '../types';
import { simplifyBalance } from './shared';

const CREDIT_FOR = ['SMS', 'CAL_AI_PHONE_CALL', 'AI_AGENT'];
/** Long enough for any id a workflow maps in; Cal.com documents no limit. */
const MAX_REFERENCE_LENGTH = 255;

export const description: INodeProperties[] = [
	{
		displayName: 'Credits',
		name: 'credits',
		type: 'number',
		required: true,
		default: 1,
		typeOptions: { minValue: 1, numberPrecision: 0 },
		description: 'How many credits to spend: a whole number, at least 1',
	},
	{
		displayName: 'Usage Type',
		name: 'creditFor',
		type: 'options',
		required: true,
		default: 'SMS',
		options: [
			{ name: 'AI Agent', value: 'AI_AGENT' },
			{ name: 'Cal AI Phone Call', value: 'CAL_AI_PHONE_CALL' },
			{ name: 'SMS', value: 'SMS' },
		],
		description: 'What the credits pay for',
	},
	{
		displayName: 'External Reference',
		name: 'externalRef',
		type: 'string',
		default: '',
		placeholder: 'e.g. sms-{{ $json.bookingUid }}',
		description:
			'A key that identifies this charge. Cal.com charges a reference once, across all its accounts: a reference it has seen before, from anyone, is answered as if charged but charges nothing. Leave empty to use one made from this n8n instance, workflow, execution, node and item, so re-running them does not charge again; set one from your data (e.g. a booking UID) to be safe across separate executions too, and make it unique to you.',
	},
	outputField,
	optionsCollection(),
];

/**
 * The reference used when the user gives none: the same for a repeat of this node on this item
 * in this execution (Retry On Fail, a replayed execution), different for every other item, for
 * every loop iteration (run index), every workflow and every n8n instance. Cal.com looks a
 * reference up across all its accounts, and execution (even workflow) ids repeat across n8n
 * instances, so the instance id is part of it.
 */
export function derivedReference(ctx: IExecuteFunctions, itemIndex: number): string {
	const executionId = String(ctx.getExecutionId() ?? '').trim();
	const instanceId = String(ctx.getInstanceId() ?? '').trim();
	if (!executionId || !instanceId) {
		const missing = executionId ? 'instance ID' : 'execution ID';
		throw new ParameterError(
			'External Reference',
			`n8n gave this run no ${missing}, so no reference can be derived; set one so the charge cannot happen twice.`,
		);
	}
	const workflowId = String(ctx.getWorkflow().id ?? 'workflow');
	const runIndex = ctx.getWorkflowDataProxy(itemIndex).$thisRunIndex;
	return `n8n-${instanceId}-${workflowId}-${executionId}-${ctx.getNode().name}-${runIndex}-${itemIndex}`;
}

function readReference(
	ctx: IExecuteFunctions,
	itemIndex: number,
): { reference: string; derived: boolean } {
	const raw = ctx.getNodeParameter('externalRef', itemIndex, '');
	if (raw !== undefined && raw !== null && typeof raw !== 'string' && typeof raw !== 'number') {
		// As text an object is "[object Object]": one reference for every item, so all but the first would go uncharged.
		throw new ParameterError(
			'External Reference',
			`${describeValue(raw)} is not a reference; give text, e.g. sms-{{ $json.bookingUid }}.`,
		);
	}
	const given = String(raw ?? '').trim();
	if (!given) return { reference: derivedReference(ctx, itemIndex), derived: true };
	if (given.length > MAX_REFERENCE_LENGTH) {
		throw new ParameterError(
			'External Reference',
			`is ${given.length} characters long; use at most ${MAX_REFERENCE_LENGTH}.`,
		);
	}
	return { reference: given, derived: false };
}

/**
 * Only what Cal.com's answer carries. It says `charged: true` for a new charge, for a reference
 * it has seen before (nothing charged) and for a balance too low (at most what was there taken),
 * so the output says "accepted", gives the amount asked, and whose balance the answer shows: the
 * team's or organization's when it names one, else the API key user's own.
 */
function simplifyCharge(data: IDataObject, asked: IDataObject): IDataObject {
	const teamId = typeof data.teamId === 'number' ? data.teamId : null;
	return {
		accepted: data.charged === true,
		...asked,
		teamId,
		balanceOf: teamId === null ? 'user' : 'team',
		...simplifyBalance(data.remainingBalance),
	};
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<CalComAnswer> {
	const credits = toPositiveInt(
		this.getNodeParameter('credits', itemIndex, 0),
		'Credits',
		'a number of credits',
	);
	const creditFor = String(this.getNodeParameter('creditFor', itemIndex, ''));
	if (!CREDIT_FOR.includes(creditFor)) {
		throw new ParameterError(
			'Usage Type',
			`"${creditFor}" is not one of ${CREDIT_FOR.join(', ')}.`,
		);
	}
	const { reference: externalRef, derived } = readReference(this, itemIndex);
	const data = (await calComRequest.call(this, {
		method: 'POST',
		path: '/v2/credits/charge',
		body: { credits, creditFor, externalRef },
		// Spends money: never repeated blindly. The reference makes a deliberate re-run safe.
		retry: 'never',
		timeoutMs: readTimeoutMs(this, itemIndex),
	})) as IDataObject;
	const asked = { creditsRequested: credits, creditFor, externalRef, externalRefDerived: derived };
	return { data: [data], simplify: (charge) => simplifyCharge(charge, asked) };
}
