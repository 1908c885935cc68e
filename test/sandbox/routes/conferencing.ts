/**
 * Conferencing apps (unversioned, API key required). Follows
 * apps/api/v2/src/modules/conferencing/controllers/conferencing.controller.ts,
 * services/conferencing.service.ts and repositories/conferencing.repository.ts:
 *
 * GET /v2/conferencing — the user's credentials whose type ends in `_video`, each printed with
 * plainToInstance (no field stripped: the repository's selected columns).
 * GET /v2/conferencing/default — `metadata.defaultConferencingApp` of the user ({appSlug, appLink});
 * no `data` when none was ever set.
 * POST /v2/conferencing/{app}/default — Cal Video (`daily-video`) is global and skips the checks;
 * any other app must be one of CONFERENCING_APPS (google-meet, zoom, msteams; packages/platform/
 * constants), else 400 "Invalid app, available apps are: ", and installed for the user, else
 * 400 "<app> not connected."; users.repository.ts (setDefaultConferencingApp) then stores
 * {appSlug, appLink: undefined}. The answer is only {status: "success"}.
 * POST /v2/conferencing/google-meet/connect — services/google-meet.service.ts: needs a Google
 * Calendar credential (400 "Google Meet app requires a Google Calendar connection"), a valid one
 * (400 "…please reconnect Google Calendar."), and Google Meet not yet installed (400 "Google Meet is
 * already connected."); answers the new credential. Any other app → 400 "Invalid conferencing app.
 * Available apps: GOOGLE_MEET." (conferencing.service.ts, connectUserNonOauthApp).
 * Whether an invalid credential counts as installed for Set Default is inferred (it is: the
 * repository's look-up does not read `invalid`).
 */
import { errorEnvelope, success } from '../envelope';
import type { SandboxCredential, SandboxState, SandboxUser } from '../types';
import type { RouteHandler } from './route';

const CAL_VIDEO = 'daily-video';
const CONFERENCING_APPS = ['google-meet', 'zoom', 'msteams'];

function credentialOutput(c: SandboxCredential): Record<string, unknown> {
	return {
		id: c.id,
		type: c.type,
		userId: c.userId,
		teamId: null,
		appId: c.appId,
		subscriptionId: null,
		paymentStatus: null,
		billingCycleStart: null,
		invalid: c.invalid,
		delegationCredentialId: null,
	};
}

function videoCredentials(state: SandboxState, userId: number): SandboxCredential[] {
	return state.credentials.filter((c) => c.userId === userId && c.type.endsWith('_video'));
}

function nextCredentialId(state: SandboxState): number {
	return Math.max(500, ...state.credentials.map((c) => c.id)) + 1;
}

export const conferencingRoutes: RouteHandler[] = [
	{
		method: 'GET',
		template: '/v2/conferencing',
		validation: 'own',
		handle(req, ctx) {
			const user = req.user as SandboxUser;
			return {
				status: 200,
				body: success(videoCredentials(ctx.state, user.id).map(credentialOutput)),
			};
		},
	},
	{
		method: 'GET',
		template: '/v2/conferencing/default',
		validation: 'own',
		handle(req) {
			const user = req.user as SandboxUser;
			const value = user.metadata?.defaultConferencingApp;
			return { status: 200, body: value ? success(value) : { status: 'success' } };
		},
	},
	{
		method: 'POST',
		template: '/v2/conferencing/{app}/default',
		validation: 'own',
		handle(req, ctx) {
			const user = req.user as SandboxUser;
			const app = req.params.app;
			const refuse = (text: string) => ({ status: 400, body: errorEnvelope(400, text, req.url) });
			if (app !== CAL_VIDEO) {
				if (!CONFERENCING_APPS.includes(app)) return refuse('Invalid app, available apps are: ');
				const installed = videoCredentials(ctx.state, user.id).some((c) => c.appId === app);
				if (!installed) return refuse(`${app} not connected.`);
			}
			user.metadata = { ...(user.metadata ?? {}), defaultConferencingApp: { appSlug: app } };
			return { status: 200, body: { status: 'success' } };
		},
	},
	{
		method: 'POST',
		template: '/v2/conferencing/{app}/connect',
		validation: 'own',
		handle(req, ctx) {
			const user = req.user as SandboxUser;
			const refuse = (text: string) => ({ status: 400, body: errorEnvelope(400, text, req.url) });
			if (req.params.app !== 'google-meet')
				return refuse('Invalid conferencing app. Available apps: GOOGLE_MEET.');
			const calendar = ctx.state.credentials.find(
				(c) => c.userId === user.id && c.type === 'google_calendar',
			);
			if (!calendar) return refuse('Google Meet app requires a Google Calendar connection');
			if (calendar.invalid)
				return refuse(
					'Google Meet app requires a valid Google Calendar connection, please reconnect Google Calendar.',
				);
			const existing = ctx.state.credentials.find(
				(c) => c.userId === user.id && c.type === 'google_video',
			);
			if (existing) return refuse('Google Meet is already connected.');
			const credential: SandboxCredential = {
				id: nextCredentialId(ctx.state),
				userId: user.id,
				type: 'google_video',
				appId: 'google-meet',
				invalid: false,
			};
			ctx.state.credentials.push(credential);
			return { status: 200, body: success(credentialOutput(credential)) };
		},
	},
];
