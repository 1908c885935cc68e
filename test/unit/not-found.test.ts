import type { INode } from 'n8n-workflow';

import { httpError } from '../../nodes/CalCom/transport/errors';

/**
 * What a 404 says, by who answered it: Cal.com API v2 answers every error in its envelope
 * (apps/api/v2/src/filters/http-exception.filter.ts), Nest's "Cannot GET <url>" for a route it
 * lacks; anything else is not Cal.com API v2. The integration specs (credential.test.ts) hit the
 * web-page and path-prefix cases through the node; these are the ones the sandbox cannot play.
 */
const node: INode = {
	id: 'n1',
	name: 'Cal.com',
	type: 'n8n-nodes-cal-com.calCom',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

function envelope(message: string, path: string) {
	return {
		status: 'error',
		timestamp: '2027-03-01T08:00:00.000Z',
		path,
		error: { code: 'NotFoundException', message },
	};
}

const ctx = { method: 'GET', attempts: 1, retryable: true };

describe('a 404 from the base URL', () => {
	it('an older Cal.com without this route for the version asked: says so, naming the version', () => {
		const error = httpError(
			node,
			404,
			envelope('Cannot GET /v2/bookings?take=10&cursor=', '/v2/bookings?take=10&cursor='),
			{ ...ctx, path: '/v2/bookings', apiVersion: '2026-05-01' },
		);
		expect(error.message).toBe(
			'This Cal.com server has no GET /v2/bookings with cal-api-version 2026-05-01',
		);
		expect(error.description).toBe(
			'It may run a Cal.com version older than this endpoint. Cal.com said: Cannot GET /v2/bookings?take=10&cursor=',
		);
	});

	it('another JSON server (no Cal.com envelope): does not look like Cal.com API v2', () => {
		const error = httpError(
			node,
			404,
			{ message: 'Cannot GET /v2/me', error: 'Not Found', statusCode: 404 },
			{ ...ctx, path: '/v2/me' },
		);
		expect(error.message).toBe(
			'The base URL does not look like a Cal.com API v2 server: it answered GET /v2/me with "404 Not Found" and an answer that is not Cal.com\'s',
		);
		expect(error.description).toContain('not of the Cal.com web app');
	});

	it('a Cal.com-shaped server without /v2/me, which every Cal.com API v2 has: does not look like Cal.com API v2', () => {
		const error = httpError(node, 404, envelope('Cannot GET /v2/me', '/v2/me'), {
			...ctx,
			path: '/v2/me',
		});
		expect(error.message).toBe(
			'The base URL does not look like a Cal.com API v2 server: it has no /v2/me (it said "Cannot GET /v2/me")',
		);
	});

	it("Cal.com's own 404 for a missing record: the caller's words, not the base URL", () => {
		const error = httpError(
			node,
			404,
			envelope('Booking with uid=abc was not found in the database', '/v2/bookings/abc'),
			{ ...ctx, path: '/v2/bookings/abc', notFoundMessage: 'Booking abc was not found' },
		);
		expect(error.message).toBe('Booking abc was not found');
	});
});
