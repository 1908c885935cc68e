/**
 * Builds an API path with each interpolated value checked and percent-encoded, so an id typed or
 * mapped by a user (or chosen by an AI model) can never change which route is called: an empty
 * id would hit the collection, `..` would climb out of it, and `/` would add segments.
 */
export function apiPath(strings: TemplateStringsArray, ...values: Array<string | number>): string {
	let path = strings[0];
	values.forEach((value, index) => {
		const text = String(value);
		if (text.trim() === '' || text === '.' || text === '..') {
			throw new TypeError(`An empty or relative id ("${text}") cannot be part of a Cal.com path`);
		}
		path += encodeURIComponent(text) + strings[index + 1];
	});
	return path;
}
