/**
 * Conferencing through n8n-core against the sandbox: the installed apps, the default app, and
 * setting it as Cal.com allows.
 */
import type { INodeParameters } from 'n8n-workflow';

import { runCalCom, useSandbox } from './helpers';

const current = useSandbox();

const op = (operation: string, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'conferencing',
	operation,
	...extra,
});

describe('Conferencing → Get Many', () => {
	it('lists the installed video apps with their slug, name and whether they work', async () => {
		const sandbox = current();
		const result = await runCalCom(sandbox, op('getMany', { returnAll: true }));
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json)).toEqual([
			{ id: 502, app: 'google-meet', appName: 'Google Meet', type: 'google_video', working: true },
			{ id: 503, app: 'zoom', appName: 'Zoom', type: 'zoom_video', working: true },
		]);
		const lena = await runCalCom(sandbox, op('getMany', { returnAll: true }), { username: 'lena' });
		expect(lena.items.map((i) => i.json)).toEqual([
			{
				id: 505,
				app: 'msteams',
				appName: 'Microsoft Teams',
				type: 'office365_video',
				working: false,
			},
		]);
		const limited = await runCalCom(sandbox, op('getMany', { limit: 1, output: 'raw' }));
		expect(limited.items.map((i) => i.json)).toEqual([
			expect.objectContaining({ id: 502, type: 'google_video', userId: 1, invalid: false }),
		]);
	});
});

describe('Conferencing → Get Default and Set Default', () => {
	it('gives the default app, or isSet false when none was chosen', async () => {
		const sandbox = current();
		expect((await runCalCom(sandbox, op('getDefault'))).items[0].json).toEqual({
			isSet: true,
			app: 'zoom',
			appName: 'Zoom',
			appLink: null,
		});
		const lena = await runCalCom(sandbox, op('getDefault'), { username: 'lena' });
		expect(lena.items[0].json).toEqual({ isSet: false, app: null, appName: null, appLink: null });
	});

	it('sets an installed app, and Get Default then shows it', async () => {
		const sandbox = current();
		const set = await runCalCom(sandbox, op('setDefault', { app: 'google-meet' }));
		expect(set.items[0].json).toEqual({
			isSet: true,
			app: 'google-meet',
			appName: 'Google Meet',
			appLink: null,
		});
		expect((await runCalCom(sandbox, op('getDefault'))).items[0].json.app).toBe('google-meet');
		const calVideo = await runCalCom(sandbox, op('setDefault', { app: 'daily-video' }), {
			username: 'kenji',
		});
		expect(calVideo.items[0].json.appName).toBe('Cal Video');
	});

	it('says Cal.com’s refusal for an app that is not installed, and refuses an unknown app by name', async () => {
		const sandbox = current();
		const zoom = await runCalCom(sandbox, op('setDefault', { app: 'zoom' }), { username: 'kenji' });
		expect(zoom.error?.message).toBe('Cal.com rejected the request: zoom not connected.');
		const webex = await runCalCom(sandbox, op('setDefault', { app: '={{ "webex" }}' }));
		expect(webex.error?.message).toBe(
			'App: must be one of daily-video, google-meet, zoom, msteams; got "webex".',
		);
		expect(sandbox.requests.filter((r) => r.path.includes('webex'))).toEqual([]);
	});

	it('continues on fail with paired items', async () => {
		const sandbox = current();
		const result = await runCalCom(sandbox, op('setDefault', { app: '={{ $json.app }}' }), {
			continueOnFail: true,
			inputItems: [{ app: 'zoom' }, { app: 'msteams' }],
			username: 'bailey',
		});
		expect(result.items.map((i) => [i.pairedItem, i.json.app ?? i.json.error])).toEqual([
			[{ item: 0 }, 'zoom'],
			[{ item: 1 }, 'Cal.com rejected the request: msteams not connected.'],
		]);
	});
});

describe('Conferencing → Connect Google Meet', () => {
	it('installs Google Meet beside a Google Calendar, and says Cal.com’s refusals', async () => {
		const sandbox = current();
		const again = await runCalCom(sandbox, op('connectGoogleMeet'));
		expect(again.error?.message).toBe(
			'Cal.com rejected the request: Google Meet is already connected.',
		);
		const kenji = await runCalCom(sandbox, op('connectGoogleMeet'), { username: 'kenji' });
		expect(kenji.error?.message).toBe(
			'Cal.com rejected the request: Google Meet app requires a Google Calendar connection',
		);
		sandbox.state.credentials = sandbox.state.credentials.filter((c) => c.id !== 502);
		const ok = await runCalCom(sandbox, op('connectGoogleMeet'));
		expect(ok.items[0].json).toMatchObject({
			app: 'google-meet',
			appName: 'Google Meet',
			type: 'google_video',
			working: true,
		});
		const installed = await runCalCom(sandbox, op('getMany', { returnAll: true }));
		expect(installed.items.map((i) => i.json.app)).toEqual(['zoom', 'google-meet']);
	});
});
