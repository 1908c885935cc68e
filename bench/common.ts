/**
 * What every benchmark shares: where the checkout is, how a figure is reported, small statistics.
 * Benchmarks are not tests: they measure and report; the runner decides pass/fail per row.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The checkout: the nearest folder up from the compiled file that has package.json and bench/. */
function findRoot(): string {
	let dir = resolve(__dirname);
	for (let i = 0; i < 8; i++) {
		if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'bench'))) return dir;
		dir = dirname(dir);
	}
	throw new Error(`cannot find the checkout above ${__dirname}`);
}

export const ROOT = findRoot();
export const FIXTURE = join(ROOT, 'test', 'sandbox', 'fixture.json');
/** The sandbox's calendar clock: Monday 2027-03-01 08:00 UTC, as the integration specs use. */
export const MARCH = '2027-03-01T08:00:00Z';

/** One line of the table: one figure, measured against its target. */
export interface Row {
	id: string;
	figure: string;
	/** The measured value as printed. */
	measured: string;
	/** The measured value as a number, for the JSON file (null when there is none). */
	value: number | null;
	target: string;
	/** null: reported, no target. */
	pass: boolean | null;
}

export interface FigureResult {
	rows: Row[];
	/** Everything else measured, for the JSON file. */
	details: Record<string, unknown>;
}

export function median(values: number[]): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function percentile(values: number[], p: number): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const sleep = (ms: number) =>
	new Promise<void>((resolveSleep) => setTimeout(resolveSleep, ms));

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

export function formatBytes(bytes: number): string {
	if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
	if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
	return `${bytes} B`;
}

export const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
