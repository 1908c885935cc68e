import { readdirSync, readFileSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';

// README's "Where support code lives", held by the imports themselves: an operation never
// imports another operation, and methods/ reaches actions/ only through shared and domain
// modules (a resource's shared.ts or a module named for its domain), never an operation or the
// support of one operation (`create.fields.ts`, `create.lookup.ts`).

const NODE_ROOT = resolve(__dirname, '../../nodes/CalCom');

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		return entry.name.endsWith('.ts') ? [path] : [];
	});
}

/** The files a module imports from inside the node, as paths relative to nodes/CalCom. */
function localImports(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	return [...text.matchAll(/from '(\.[^']+)'/g)].map((match) =>
		relative(NODE_ROOT, resolve(dirname(file), match[1])),
	);
}

const isOperation = (path: string) => path.endsWith('.operation');
/** Support written for one operation: `<operation>.<part>.ts` beside `<operation>.operation.ts`. */
const isOperationSupport = (path: string) => /\/[A-Za-z]+\.(fields|lookup)$/.test(path);

describe('where support code lives', () => {
	it('no operation imports another operation', () => {
		const operations = sourceFiles(join(NODE_ROOT, 'actions')).filter((file) =>
			file.endsWith('.operation.ts'),
		);
		expect(operations.length).toBeGreaterThan(30);
		const crossings = operations.flatMap((file) =>
			localImports(file)
				.filter(isOperation)
				.map((target) => `${relative(NODE_ROOT, file)} → ${target}`),
		);
		expect(crossings).toEqual([]);
	});

	it('methods/ imports only shared and domain modules of the resources', () => {
		const reaches = sourceFiles(join(NODE_ROOT, 'methods')).flatMap((file) =>
			localImports(file)
				.filter((target) => isOperation(target) || isOperationSupport(target))
				.map((target) => `${relative(NODE_ROOT, file)} → ${target}`),
		);
		expect(reaches).toEqual([]);
	});
});
