export { apiPath } from './paths';
export { resolveBaseUrl, CLOUD_API_URL, EU_API_URL } from './baseUrl';
export { CAL_API_VERSIONS, apiVersionForPath } from './versions';
export type { CalComContext, CalComRequestOptions, CalComResponse } from './request';
export { calComRequest, calComRequestFull, CREDENTIAL_TYPE, DEFAULT_TIMEOUT_MS } from './request';
export { paginateCursor, paginateOffset } from './pagination';
export { isAmbiguousFailure } from './errors';
