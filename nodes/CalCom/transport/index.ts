export { apiPath } from './paths';
export { resolveBaseUrl } from './baseUrl';
export type { CalComRequestOptions } from './request';
export { calComRequest, CREDENTIAL_TYPE } from './request';
export { NotAListError, paginateCursor, paginateOffset } from './pagination';
export type { NewerForm } from './fallback';
export { isVersionNotServed, lacksNewerForm, rememberLacksNewerForm } from './fallback';
export { isAmbiguousFailure, isCalComRefusal } from './errors';
export { authenticationProperty, calComCredentials, credentialTypeOf } from './credentialType';
