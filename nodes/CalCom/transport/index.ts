export { apiPath } from './paths';
export { resolveBaseUrl } from './baseUrl';
export type { CalComRequestOptions } from './request';
export { calComRequest, CREDENTIAL_TYPE } from './request';
export { paginateCursor, paginateOffset } from './pagination';
export { isAmbiguousFailure, isCalComRefusal } from './errors';
export { authenticationProperty, calComCredentials, credentialTypeOf } from './credentialType';
