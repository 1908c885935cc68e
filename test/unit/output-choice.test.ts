import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';

import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { outputField } from '../../nodes/CalCom/actions/common.descriptions';
import { resources } from '../../nodes/CalCom/actions/router';
import type { OperationModule } from '../../nodes/CalCom/actions/types';
import { ParameterError } from '../../nodes/CalCom/helpers/errors';
import { applyOutput, readOutputChoice } from '../../nodes/CalCom/helpers/output';

/**
 * Output (Simplified / Raw / Selected Fields) is applied in one place, the router: an operation
 * returns Cal.com's answer and its simplifier and never reads Output, so the choice cannot come
 * to mean different things in different operations again.
 */
const NODE_DIR = join(__dirname, '../../nodes/CalCom');
const ACTIONS_DIR = join(NODE_DIR, 'actions');
/** A read of the Output parameter, in any quoting. */
// Directly, or through helpers/parameters.ts readPerRun (one read per execution when constant).
const READS_OUTPUT = /(getNodeParameter\(|readPerRun\(\s*\w+,)\s*['"`]output['"`]/;

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return path.endsWith('.ts') ? [path] : [];
	});
}

interface Operation {
	name: string;
	file: string;
	module: OperationModule;
}

/** Every operation the router dispatches to, with the file it lives in. */
function operations(): Operation[] {
	return Object.entries(resources).flatMap(([resource, { operations: ops }]) =>
		Object.entries(ops as Record<string, OperationModule>).map(([operation, module]) => ({
			name: `${resource}.${operation}`,
			file: join(ACTIONS_DIR, resource, `${operation}.operation.ts`),
			module,
		})),
	);
}

const offersOutput = (op: Operation) => op.module.description.includes(outputField);

function fakeContext(parameters: IDataObject): IExecuteFunctions {
	return {
		getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown) =>
			parameters[name] ?? fallback,
	} as unknown as IExecuteFunctions;
}

describe('Output is applied by the router, never by an operation', () => {
	it('finds each operation the router dispatches to in its own <operation>.operation.ts', () => {
		for (const op of operations()) {
			// eslint-disable-next-line @typescript-eslint/no-require-imports -- the file behind the module
			const fromFile = require(op.file) as OperationModule;
			expect({ op: op.name, same: fromFile.execute === op.module.execute }).toEqual({
				op: op.name,
				same: true,
			});
		}
		expect(operations().filter(offersOutput).length).toBeGreaterThanOrEqual(30);
	});

	it("has every operation offering Output answer with Cal.com's data and its simplifier", () => {
		const offenders = operations()
			.filter(offersOutput)
			.filter((op) => !/Promise<CalComAnswer>/.test(readFileSync(op.file, 'utf8')))
			.map((op) => op.name);
		expect(offenders).toEqual([]);
	});

	it('leaves the Output parameter to helpers/output.ts: no operation or shared module reads it', () => {
		const readers = sourceFiles(NODE_DIR)
			.filter((file) => READS_OUTPUT.test(readFileSync(file, 'utf8')))
			.map((file) => relative(NODE_DIR, file));
		expect(readers).toEqual(['helpers/output.ts']);
	});
});

describe('the Output choice', () => {
	const answer = {
		data: [
			{ uid: 'a', status: 'accepted', start: '2027-03-01T09:00:00Z', raw: 1 },
			{ uid: 'b', status: 'cancelled', start: '2027-03-02T09:00:00Z', raw: 2 },
		],
		simplify: (item: IDataObject) => ({ uid: item.uid, status: item.status, start: item.start }),
	};

	it("gives Raw as Cal.com's answer and Simplified through the operation's simplifier", () => {
		expect(applyOutput(answer, { raw: true })).toEqual(answer.data);
		expect(applyOutput(answer, { raw: false })).toEqual([
			{ uid: 'a', status: 'accepted', start: '2027-03-01T09:00:00Z' },
			{ uid: 'b', status: 'cancelled', start: '2027-03-02T09:00:00Z' },
		]);
	});

	it('turns one answer into several items when its simplifier does (free slots by day)', () => {
		const slots = {
			data: [{ '2027-03-01': [{ start: '09:00' }, { start: '10:00' }] }],
			simplify: (days: IDataObject) => Object.values(days).flatMap((day) => day as IDataObject[]),
		};
		expect(applyOutput(slots, { raw: true })).toHaveLength(1);
		expect(applyOutput(slots, { raw: false })).toEqual([{ start: '09:00' }, { start: '10:00' }]);
	});

	it('keeps under Selected Fields the named simplified fields plus every ID', () => {
		expect(applyOutput(answer, { raw: false, fields: ['status', 'raw'] })).toEqual([
			{ uid: 'a', status: 'accepted' },
			{ uid: 'b', status: 'cancelled' },
		]);
	});

	it('passes the items of an operation without Output as they are', () => {
		expect(applyOutput([{ deleted: true, id: 7 }], { raw: false })).toEqual([
			{ deleted: true, id: 7 },
		]);
	});

	it('reads Output before the operation runs, refusing an empty Fields list', () => {
		expect(readOutputChoice(fakeContext({}), 0)).toEqual({ raw: false });
		expect(readOutputChoice(fakeContext({ output: 'raw' }), 0)).toEqual({ raw: true });
		expect(
			readOutputChoice(fakeContext({ output: 'selected', selectedFields: ' start, status ' }), 0),
		).toEqual({
			raw: false,
			fields: ['start', 'status'],
		});
		expect(() =>
			readOutputChoice(fakeContext({ output: 'selected', selectedFields: ' , ' }), 0),
		).toThrow(ParameterError);
	});
});
