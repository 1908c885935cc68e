/**
 * Prints one plain closing line, `tests: N passed, N failed, N skipped`, that CI reads to know
 * how many tests ran (jest's own summary is not one it reads).
 */
class SummaryReporter {
	onRunComplete(_contexts, results) {
		const skipped = results.numPendingTests + results.numTodoTests;
		process.stdout.write(
			`\ntests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped\n`,
		);
	}
}

module.exports = SummaryReporter;
