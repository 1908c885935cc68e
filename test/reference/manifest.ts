/**
 * Cal.com's reference files the specs read (the sandbox validates every request against the
 * OpenAPI document; the trigger specs replay the webhook examples), by their path under calcom/,
 * with the SHA-256 of the copies in the project's shared/ folder. The files themselves are never
 * committed (test/reference/README.md says where they come from).
 */
export interface ReferenceFile {
	/** Under calcom/, e.g. 'openapi-v2.json'. */
	path: string;
	sha256: string;
	/** Where Cal.com publishes this very file at a pinned commit; none for files it does not publish. */
	published?: string;
}

/**
 * calcom/companion at the commit that last changed its copy of the API v2 document (2026-03-11),
 * which ours was copied from byte for byte. calcom/cal.com's docs/api-reference/v2/openapi.json
 * is an older document (about 1.05 MB, without the credits endpoints), not this one.
 */
const COMPANION = 'https://raw.githubusercontent.com/calcom/companion/a85da636';

/** Overrides every file's source: `${base}/${path}`, a folder laid out like calcom/. */
export const BASE_URL_ENV = 'CALCOM_REFERENCE_BASE_URL';

export const REFERENCE_FILES: readonly ReferenceFile[] = [
	{
		path: 'openapi-v2.json',
		sha256: 'be4b1e3efe56a12b9cf892d5fd1192bc3ed969c6fc30331d6d2cc655b68397c1',
		published: `${COMPANION}/docs/api-reference/v2/openapi.json`,
	},
	{
		path: 'webhook-examples/2021-10-20/AFTER_HOSTS_CAL_VIDEO_NO_SHOW.json',
		sha256: '2fff289202a5d3fefa0949527d5978b693970f1ee84f000353e7203c468c9e45',
	},
	{
		path: 'webhook-examples/2021-10-20/BOOKING_CANCELLED.json',
		sha256: '87643caab4c13a39182138a44ca3028dd4923f03c5d3a1f4362bc750129b9d13',
	},
	{
		path: 'webhook-examples/2021-10-20/BOOKING_CREATED.json',
		sha256: '146bc8d89169f74408010532020ac3de332f7e37af33ee43341fa974c1aabb66',
	},
	{
		path: 'webhook-examples/2021-10-20/BOOKING_LOCATION_UPDATED.json',
		sha256: 'fc6d91d4db10a7e405197bc2e98335db6e599d7df4f6a8838b0d7649c6f51851',
	},
	{
		path: 'webhook-examples/2021-10-20/BOOKING_NO_SHOW_UPDATED.json',
		sha256: 'c1ca8e0311c9d4299be3c260e202f36de6e12510f37b31e04ab35a495ccd647a',
	},
	{
		path: 'webhook-examples/2021-10-20/BOOKING_PAID.json',
		sha256: '4ba3089b36f0b2d8bacf972cc1ec14c179530b6237059c9e880c58fcf1544df5',
	},
	{
		path: 'webhook-examples/2021-10-20/BOOKING_REASSIGNED.json',
		sha256: '4189f2058ce355a77fa2d39e12b0a4d000da45a2d8e953e01fe0953cfaab11ea',
	},
	{
		path: 'webhook-examples/2021-10-20/BOOKING_REJECTED.json',
		sha256: '89a254799285fd39fd8c36a7bc4cfdb305370d6d9f607581a65216e5be36365b',
	},
	{
		path: 'webhook-examples/2021-10-20/BOOKING_REQUESTED.json',
		sha256: '0544c986e08f5cca1d88a287de8df4ae3c9b3904ddeb92de9f2b24a915ef290d',
	},
	{
		path: 'webhook-examples/2021-10-20/BOOKING_RESCHEDULED.json',
		sha256: '37c3339d3bf1da0d9fc5ae94e34d2151836e698dd9e5064362b4a06deae5b067',
	},
	{
		path: 'webhook-examples/2021-10-20/FORM_SUBMITTED.json',
		sha256: '55de7405d29c8ce52c99c2aa18742a28847da7399236d97fcb118db80c546815',
	},
	{
		path: 'webhook-examples/2021-10-20/INSTANT_MEETING.json',
		sha256: 'b257317d2ee107faf613872202dae695285b4a8f8d95d001b9b5958af79f8fdd',
	},
	{
		path: 'webhook-examples/2021-10-20/MEETING_ENDED.json',
		sha256: 'e5fd62ed22625020078183371eea59e7dd181db5b9d4f77d2efd8c1277a63e6b',
	},
	{
		path: 'webhook-examples/2021-10-20/MEETING_STARTED.json',
		sha256: '934470ae9e5a3bdf68e5134ca30b0975de60d2339a41ea80fa0d6c942845678f',
	},
	{
		path: 'webhook-examples/2021-10-20/OOO_CREATED.json',
		sha256: '80b559898fe437b89e0bb48b816c2c13d96e362bbd06f732b80f7c503492d9e7',
	},
	{
		path: 'webhook-examples/2021-10-20/PING.derived-from-source.json',
		sha256: 'de9b163f39e686fe78896c77d3c4a2c23e62c43a257c512133c050630baf6bfe',
	},
	{
		path: 'webhook-examples/2021-10-20/RECORDING_READY.json',
		sha256: 'adec95e46fda65b6ecfbf429dc6fa14fa4a53b8e02f1f4dc4ff99829b4dc1dbf',
	},
	{
		path: 'webhook-examples/2026-07-27/BOOKING_CREATED.truncated.json',
		sha256: '320ca160a7fc427e9a9e7fb2f6cf214dfea303b7176cb72f7949ecde584d3994',
	},
];
