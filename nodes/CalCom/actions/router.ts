import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	NodeApiError,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { errorItem, isToolCall, itemFailure } from '../helpers/itemErrors';
import { applyOutput, readOutputChoice } from '../helpers/output';
import { selectedFieldsField } from './common.descriptions';
import * as booking from './booking';
import * as calendar from './calendar';
import * as conferencing from './conferencing';
import * as credit from './credit';
import * as eventType from './eventType';
import * as organizationBooking from './organizationBooking';
import * as eventTypePrivateLink from './eventTypePrivateLink';
import * as organizationMembership from './organizationMembership';
import * as organizationSchedule from './organizationSchedule';
import * as organizationTeam from './organizationTeam';
import * as organizationUser from './organizationUser';
import * as outOfOffice from './outOfOffice';
import * as routingForm from './routingForm';
import * as schedule from './schedule';
import * as slot from './slot';
import * as team from './team';
import * as teamEventType from './teamEventType';
import * as teamMembership from './teamMembership';
import type { OperationModule } from './types';
import * as user from './user';
import * as webhook from './webhook';

interface ResourceModule {
	description: INodeProperties[];
	operations: Record<string, OperationModule>;
}

/** Resource → its operations. The compiler checks every module has the operation shape. */
export const resources = {
	booking,
	calendar,
	conferencing,
	credit,
	eventType,
	organizationBooking,
	eventTypePrivateLink,
	organizationMembership,
	organizationSchedule,
	organizationTeam,
	organizationUser,
	outOfOffice,
	routingForm,
	schedule,
	slot,
	team,
	teamEventType,
	teamMembership,
	user,
	webhook,
} satisfies Record<string, ResourceModule>;

type ResourceName = keyof typeof resources;

export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	default: 'booking',
	options: [
		{ name: 'Booking', value: 'booking', description: 'Meetings booked on an event type' },
		{
			name: 'Calendar',
			value: 'calendar',
			description: 'Calendars connected to Cal.com (Google, Outlook, Apple) and their busy times',
		},
		{
			name: 'Conferencing',
			value: 'conferencing',
			description: 'Video-call apps (Cal Video, Google Meet, Zoom, Teams) and the default one',
		},
		{
			name: 'Credit',
			value: 'credit',
			description: 'Cal.com credits for SMS, AI phone calls and AI agents',
		},
		{
			name: 'Event Type',
			value: 'eventType',
			description: 'Kinds of meeting people can book: length, questions, locations',
		},
		{
			name: 'Event Type Private Link',
			value: 'eventTypePrivateLink',
			description:
				'Private booking links of an event type that stop working after N uses or at a time',
		},
		{
			name: 'Organization Booking',
			value: 'organizationBooking',
			description: 'Bookings across a Cal.com organization: all of it, one user or one team',
		},
		{
			name: 'Organization Membership',
			value: 'organizationMembership',
			description: 'Who belongs to a Cal.com organization, with which role',
		},
		{
			name: 'Organization Schedule',
			value: 'organizationSchedule',
			description: 'Working hours of an organization’s users, managed by its admins',
		},
		{
			name: 'Organization Team',
			value: 'organizationTeam',
			description: 'Teams inside a Cal.com organization, managed by its admins',
		},
		{
			name: 'Organization User',
			value: 'organizationUser',
			description: 'Users of a Cal.com organization (needs an organization admin’s API key)',
		},
		{
			name: 'Out of Office',
			value: 'outOfOffice',
			description: 'Days an organization user is away: no slots, bookings optionally redirected',
		},
		{
			name: 'Routing Form',
			value: 'routingForm',
			description: 'Forms whose answers decide which event type or host a person books',
		},
		{
			name: 'Schedule',
			value: 'schedule',
			description: 'Working hours that decide when event types can be booked',
		},
		{ name: 'Slot', value: 'slot', description: 'Free times to book' },
		{
			name: 'Team',
			value: 'team',
			description: 'Teams of Cal.com users: their settings, invite links, bookings and schedules',
		},
		{
			name: 'Team Event Type',
			value: 'teamEventType',
			description:
				'Kinds of meeting a team offers: round robin, collective or managed, with their hosts',
		},
		{
			name: 'Team Membership',
			value: 'teamMembership',
			description: 'Who is in a team, with which role (Member, Admin, Owner)',
		},
		{ name: 'User', value: 'user', description: 'The Cal.com user the API key belongs to' },
		{
			name: 'Webhook',
			value: 'webhook',
			description: 'Subscriptions that send Cal.com events to a URL',
		},
	],
};

/** Every property of the node: the resource, each resource's operation, each operation's fields. */
export function nodeProperties(): INodeProperties[] {
	const properties: INodeProperties[] = [resourceProperty];
	for (const [resource, module] of Object.entries(resources) as Array<[string, ResourceModule]>) {
		properties.push(...module.description);
		for (const [operation, op] of Object.entries(module.operations)) {
			properties.push(
				...updateDisplayOptions(
					{ show: { resource: [resource], operation: [operation] } },
					op.description,
				),
			);
		}
	}
	properties.push(selectedFieldsField);
	return properties;
}

/** The operation module of the node's Resource and Operation; an error when there is none. */
function findOperation(ctx: IExecuteFunctions, itemIndex: number): OperationModule {
	const resource = ctx.getNodeParameter('resource', itemIndex) as ResourceName;
	const operation = ctx.getNodeParameter('operation', itemIndex) as string;
	const module = (resources[resource] as ResourceModule | undefined)?.operations[operation];
	if (module) return module;
	const message = `The operation "${operation}" of "${resource}" is not supported`;
	throw new NodeOperationError(ctx.getNode(), message, { itemIndex });
}

/** Runs the operation for one item and gives its items as Output asks, paired with the input. */
async function runOperation(
	ctx: IExecuteFunctions,
	module: OperationModule,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const choice = readOutputChoice(ctx, itemIndex);
	const result = await module.execute.call(ctx, itemIndex);
	const items = ctx.helpers.returnJsonArray(applyOutput(result, choice));
	return ctx.helpers.constructExecutionMetaData(items, { itemData: { item: itemIndex } });
}

/** At most this many items of a concurrent operation are under way at once. */
export const CONCURRENT_ITEMS = 25;

/** An item's output, or its failure (an error item or the error to throw) in its place. */
type ItemOutcome = { items: INodeExecutionData[] } | { failure: NodeApiError | NodeOperationError };

async function runItem(
	ctx: IExecuteFunctions,
	module: OperationModule,
	itemIndex: number,
): Promise<ItemOutcome> {
	try {
		return { items: await runOperation(ctx, module, itemIndex) };
	} catch (error) {
		return { failure: itemFailure(ctx, error, itemIndex) };
	}
}

/**
 * Items 1… of a read-only operation, up to CONCURRENT_ITEMS at a time, as if one after another:
 * outcomes in item order, and no item is started after one before it failed when that failure
 * ends the run. Each request still takes its unit of the key's rate budget before it is sent
 * (transport/pacing.ts), so running at once cannot overshoot Cal.com's limit.
 */
async function runRestConcurrently(
	ctx: IExecuteFunctions,
	module: OperationModule,
	count: number,
	stopAtFailure: boolean,
): Promise<ItemOutcome[]> {
	const outcomes: ItemOutcome[] = [];
	let next = 1;
	let firstFailed = Number.POSITIVE_INFINITY;
	const worker = async () => {
		for (let itemIndex = next++; itemIndex < count && itemIndex < firstFailed; itemIndex = next++) {
			const outcome = await runItem(ctx, module, itemIndex);
			outcomes[itemIndex] = outcome;
			if (stopAtFailure && 'failure' in outcome) firstFailed = Math.min(firstFailed, itemIndex);
		}
	};
	const workers = Array.from({ length: Math.min(CONCURRENT_ITEMS, count - 1) }, worker);
	await Promise.all(workers);
	return outcomes.slice(1);
}

/**
 * The item loop for an operation marked `concurrent` with several items. The first item runs
 * alone, so what it learns about the server for this execution (an older server's missing API
 * form, the credential read) serves the others as when they run one after another.
 */
async function runConcurrently(
	ctx: IExecuteFunctions,
	module: OperationModule,
	count: number,
): Promise<INodeExecutionData[]> {
	const stopAtFailure = !ctx.continueOnFail();
	const first = await runItem(ctx, module, 0);
	const outcomes = [first];
	if (!(stopAtFailure && 'failure' in first)) {
		outcomes.push(...(await runRestConcurrently(ctx, module, count, stopAtFailure)));
	}
	const output: INodeExecutionData[] = [];
	for (const [itemIndex, outcome] of outcomes.entries()) {
		if ('items' in outcome) output.push(...outcome.items);
		else if (stopAtFailure) throw outcome.failure;
		else output.push(errorItem(outcome.failure, itemIndex));
	}
	return output;
}

/** The operation, or undefined when Resource and Operation name none (the loop says so per item). */
function operationOrNothing(ctx: IExecuteFunctions): OperationModule | undefined {
	try {
		return findOperation(ctx, 0);
	} catch {
		return undefined;
	}
}

/**
 * The one item loop of the node: runs the chosen operation per item, pairs every output item with
 * its input, and turns a failure into a paired error item when "Continue On Fail" is set.
 * Read-only operations (`concurrent`) run several items at once, except when an AI agent calls.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	// Resource and operation take no expressions (noDataExpression), so they are the same for every
	// item: read once, as each parameter read costs n8n-core an expression pass and a copy.
	let module = operationOrNothing(this);
	if (module?.concurrent && items.length > 1 && !isToolCall(this)) {
		return [await runConcurrently(this, module, items.length)];
	}
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			module = module ?? findOperation(this, itemIndex);
			output.push(...(await runOperation(this, module, itemIndex)));
		} catch (error) {
			const failure = itemFailure(this, error, itemIndex);
			if (!this.continueOnFail()) throw failure;
			output.push(errorItem(failure, itemIndex));
		}
	}
	return [output];
}
