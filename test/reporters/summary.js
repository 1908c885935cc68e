/**
 * Prints one plain closing line, `tests: N passed, N failed, N skipped`, that CI reads to know
 * how many tests ran (jest's own summary is not one it reads). After it, when reliability specs
 * ran, one more line counts them per suite (passed/run) from titles starting "R1 " … "R5 ":
 * `reliability: R1 faults 105/105, R2 bad input 140/140, …`.
 */
const RELIABILITY_SUITES = [
	['R1', 'faults'],
	['R2', 'bad input'],
	['R3', 'forgery'],
	['R4', 'lifecycle'],
	['R5', 'credit replays'],
];

/** The suite a test belongs to: the first of its describe titles or its own title with an "Rn " label. */
function suiteOf(test) {
	for (const title of [...test.ancestorTitles, test.title]) {
		const label = /^(R[1-5]) /.exec(title);
		if (label) return label[1];
	}
	return undefined;
}

function reliabilityLine(results) {
	const counts = new Map(RELIABILITY_SUITES.map(([id]) => [id, { passed: 0, run: 0 }]));
	for (const file of results.testResults) {
		for (const test of file.testResults) {
			const suite = suiteOf(test);
			if (!suite || (test.status !== 'passed' && test.status !== 'failed')) continue;
			const count = counts.get(suite);
			count.run += 1;
			if (test.status === 'passed') count.passed += 1;
		}
	}
	// All five once any ran, so a suite that ran nothing shows as 0/0 rather than vanishing.
	if (RELIABILITY_SUITES.every(([id]) => counts.get(id).run === 0)) return '';
	const parts = RELIABILITY_SUITES.map(
		([id, name]) => `${id} ${name} ${counts.get(id).passed}/${counts.get(id).run}`,
	);
	return `reliability: ${parts.join(', ')}\n`;
}

class SummaryReporter {
	onRunComplete(_contexts, results) {
		const skipped = results.numPendingTests + results.numTodoTests;
		process.stdout.write(
			`\ntests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`,
		);
		process.stdout.write(reliabilityLine(results));
	}
}

module.exports = SummaryReporter;
