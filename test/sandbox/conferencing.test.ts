/**
 * Conferencing apps over HTTP: the installed list, the default app and Cal.com's rules for
 * setting it, and connecting Google Meet.
 */
import type { Sandbox } from './index';
import { startSandbox } from './index';
import { responseProblems } from './response-check';
import { call } from './test-helpers';

const bailey = 'cal_live_bb4ab184763274e6dfdab39073b12cba';
const lena = 'cal_live_8870f9fe649e79939dfce44176e8d593';
const kenji = 'cal_live_47baec3e329562170f43aafb8939eb5b';

let sandbox: Sandbox;
beforeAll(async () => {
	sandbox = await startSandbox({ now: '2027-03-01T08:00:00Z' });
});
afterAll(async () => sandbox.close());
beforeEach(() => sandbox.reset());

const message = (res: { json: { error: { message: string } } }) => res.json.error.message;

describe('sandbox conferencing', () => {
	it('lists the user’s installed conferencing apps, calendars left out', async () => {
		const res = await call(sandbox, '/v2/conferencing', { key: bailey });
		expect(res.status).toBe(200);
		expect(responseProblems('GET', '/v2/conferencing', 200, res.json)).toEqual([]);
		expect(res.json.data.map((a: { id: number; type: string }) => [a.id, a.type])).toEqual([
			[502, 'google_video'],
			[503, 'zoom_video'],
		]);
		const none = await call(sandbox, '/v2/conferencing', { key: kenji });
		expect(none.json).toEqual({ status: 'success', data: [] });
		expect(sandbox.invalidRequests()).toEqual([]);
	});

	it('gives the default app from the user’s metadata, and no data when none was set', async () => {
		const set = await call(sandbox, '/v2/conferencing/default', { key: bailey });
		expect(set.json).toEqual({ status: 'success', data: { appSlug: 'zoom' } });
		expect(responseProblems('GET', '/v2/conferencing/default', 200, set.json)).toEqual([]);
		const unset = await call(sandbox, '/v2/conferencing/default', { key: lena });
		expect(unset.json).toEqual({ status: 'success' });
	});

	it('sets an installed app or Cal Video as default, and refuses others with Cal.com’s texts', async () => {
		const meet = await call(sandbox, '/v2/conferencing/google-meet/default', {
			key: bailey,
			method: 'POST',
		});
		expect(meet.json).toEqual({ status: 'success' });
		expect(responseProblems('POST', '/v2/conferencing/{app}/default', 200, meet.json)).toEqual([]);
		expect((await call(sandbox, '/v2/conferencing/default', { key: bailey })).json.data).toEqual({
			appSlug: 'google-meet',
		});
		const video = await call(sandbox, '/v2/conferencing/daily-video/default', {
			key: kenji,
			method: 'POST',
		});
		expect(video.status).toBe(200);
		const zoom = await call(sandbox, '/v2/conferencing/zoom/default', {
			key: kenji,
			method: 'POST',
		});
		expect([zoom.status, message(zoom)]).toEqual([400, 'zoom not connected.']);
		const webex = await call(sandbox, '/v2/conferencing/webex/default', {
			key: bailey,
			method: 'POST',
		});
		expect([webex.status, message(webex)]).toEqual([400, 'Invalid app, available apps are: ']);
	});

	it('connects Google Meet only beside a Google Calendar, once', async () => {
		const again = await call(sandbox, '/v2/conferencing/google-meet/connect', {
			key: bailey,
			method: 'POST',
		});
		expect(message(again)).toBe('Google Meet is already connected.');
		const noCalendar = await call(sandbox, '/v2/conferencing/google-meet/connect', {
			key: kenji,
			method: 'POST',
		});
		expect(message(noCalendar)).toBe('Google Meet app requires a Google Calendar connection');
		sandbox.state.credentials = sandbox.state.credentials.filter((c) => c.id !== 502);
		const ok = await call(sandbox, '/v2/conferencing/google-meet/connect', {
			key: bailey,
			method: 'POST',
		});
		expect(ok.json.data).toMatchObject({ type: 'google_video', userId: 1, invalid: false });
		expect(responseProblems('POST', '/v2/conferencing/{app}/connect', 200, ok.json)).toEqual([]);
	});
});
