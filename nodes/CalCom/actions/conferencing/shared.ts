import type { IDataObject } from 'n8n-workflow';

import { ParameterError, describeValue } from '../../helpers/errors';

/** Cal.com's conferencing apps: slug (what the API's paths take), credential type, name. */
export const CONFERENCING_APPS = [
	{ slug: 'daily-video', type: 'daily_video', name: 'Cal Video' },
	{ slug: 'google-meet', type: 'google_video', name: 'Google Meet' },
	{ slug: 'zoom', type: 'zoom_video', name: 'Zoom' },
	{ slug: 'msteams', type: 'office365_video', name: 'Microsoft Teams' },
] as const;

function appOf(slugOrType: unknown): { slug: string; name: string } {
	const app = CONFERENCING_APPS.find((a) => a.slug === slugOrType || a.type === slugOrType);
	return app ?? { slug: String(slugOrType), name: String(slugOrType) };
}

/** One installed app (a credential) as a person or an AI agent reads it. */
export function simplifyInstalledApp(app: IDataObject): IDataObject {
	const { slug, name } = appOf(app.type);
	return {
		id: app.id,
		app: slug,
		appName: name,
		type: app.type,
		working: app.invalid !== true,
	};
}

/** Cal.com's default app ({appSlug, appLink}); none set means new event types use Cal Video. */
export function simplifyDefaultApp(data: IDataObject): IDataObject {
	const slug = typeof data.appSlug === 'string' ? data.appSlug : null;
	return {
		isSet: slug !== null,
		app: slug,
		appName: slug === null ? null : appOf(slug).name,
		appLink: typeof data.appLink === 'string' ? data.appLink : null,
	};
}

export function readAppSlug(value: unknown): string {
	const app = CONFERENCING_APPS.find((a) => a.slug === value);
	if (!app) {
		throw new ParameterError(
			'App',
			`must be one of ${CONFERENCING_APPS.map((a) => a.slug).join(', ')}; got ${describeValue(value)}.`,
		);
	}
	return app.slug;
}
