import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { startSandbox } from './index';
import type { SandboxFixture } from './index';
import { call } from './test-helpers';

const fixture = JSON.parse(readFileSync(join(__dirname, 'fixture.json'), 'utf8')) as SandboxFixture;

describe('sandbox lifecycle', () => {
	it('listens on 127.0.0.1 on a random port, without a trailing slash or /v2', async () => {
		const a = await startSandbox();
		const b = await startSandbox();
		try {
			expect(a.url).toBe(`http://127.0.0.1:${a.port}`);
			expect(a.port).not.toBe(b.port);
		} finally {
			await Promise.all([a.close(), b.close()]);
		}
	});

	it('reset() re-seeds the state in place and clears requests, faults and rate-limit counters', async () => {
		const sandbox = await startSandbox({ rateLimit: 2 });
		try {
			const key = sandbox.apiKeyFor('bailey');
			const { state, requests } = sandbox;
			state.bookings.length = 0;
			state.users[0].name = 'Changed';
			sandbox.injectFault({ kind: '500', path: '/v2/xyz', count: 5 });
			await call(sandbox, '/v2/me', { key });
			await call(sandbox, '/v2/me', { key });
			expect((await call(sandbox, '/v2/me', { key })).status).toBe(429);

			sandbox.reset();
			expect(sandbox.state).toBe(state);
			expect(sandbox.requests).toBe(requests);
			expect(requests).toHaveLength(0);
			expect(state.bookings).toHaveLength(fixture.bookings.length);
			expect(state.users[0].name).toBe('Bailey Brooks');
			expect((await call(sandbox, '/v2/me', { key })).status).toBe(200);
			expect((await call(sandbox, '/v2/xyz', { key })).status).toBe(404);
		} finally {
			await sandbox.close();
		}
	});

	it('records every request in order with method, path, query, headers, body and version', async () => {
		const sandbox = await startSandbox();
		try {
			await call(sandbox, '/v2/me', { key: sandbox.apiKeyFor('kenji') });
			await call(
				sandbox,
				'/v2/slots?eventTypeId=31&start=2027-03-02&end=2027-03-02&usernames=a&usernames=b',
				{ version: '2024-09-04' },
			);
			await call(sandbox, '/v2/credits/charge', {
				method: 'POST',
				body: { credits: 2, creditFor: 'SMS' },
			});
			expect(sandbox.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
				'GET /v2/me',
				'GET /v2/slots',
				'POST /v2/credits/charge',
			]);
			expect(sandbox.requests[1].query).toEqual({
				eventTypeId: '31',
				start: '2027-03-02',
				end: '2027-03-02',
				usernames: ['a', 'b'],
			});
			expect(sandbox.requests[1].apiVersion).toBe('2024-09-04');
			expect(sandbox.requests[1].headers['cal-api-version']).toBe('2024-09-04');
			expect(sandbox.requests[2].body).toEqual({ credits: 2, creditFor: 'SMS' });
			expect(sandbox.requests[2].status).toBe(401);
		} finally {
			await sandbox.close();
		}
	});

	it('takes a fixture object, and refuses one with dangling references', async () => {
		const small: SandboxFixture = { ...fixture, bookings: [] };
		const sandbox = await startSandbox({ fixture: small });
		try {
			expect(sandbox.state.bookings).toEqual([]);
			const count = small.users.length;
			sandbox.state.users.push({ ...fixture.users[0], id: 99, username: 'extra' });
			expect(small.users).toHaveLength(count); // the fixture itself is never changed
		} finally {
			await sandbox.close();
		}
		const broken: SandboxFixture = {
			...fixture,
			eventTypes: [{ ...fixture.eventTypes[0], ownerId: 42 }],
		};
		await expect(startSandbox({ fixture: broken })).rejects.toThrow(
			/event type 11: owner 42 does not exist/,
		);
	});

	it('explains where the OpenAPI document was looked for when it is missing', async () => {
		await expect(startSandbox({ openapiPath: '/nonexistent/openapi-v2.json' })).rejects.toThrow(
			/Cannot read Cal.com's OpenAPI document at \/nonexistent\/openapi-v2.json/,
		);
	});

	it('refuses options that make no sense', async () => {
		await expect(startSandbox({ timeScale: 0 })).rejects.toThrow(/timeScale/);
		await expect(startSandbox({ now: 'tomorrow-ish' })).rejects.toThrow(/now is not a date/);
	});
});
