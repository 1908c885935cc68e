/**
 * Runs our nodes through the real n8n-core engine, so that HTTP requests really leave through
 * n8n-core's helpers (`httpRequestWithAuthentication` → axios) to a server on 127.0.0.1.
 *
 *   runNode          a node in an Input → Cal.com workflow, via n8n-core's WorkflowExecute
 *   testCredential   the editor's credential "Test" button, via n8n-core's RoutingNode
 *   runListSearch    a resource locator's "From List" (LoadOptionsContext)
 *   runLoadOptions   an options dropdown (LoadOptionsContext)
 *   runWebhookMethod a trigger's checkExists / create / delete on activation (HookContext)
 *   runWebhook       a delivery to a trigger's webhook(), raw body and headers (WebhookContext)
 *
 * n8n-core logs node errors to the console; the harness sets N8N_LOG_LEVEL=silent unless it is set.
 */
export { buildAdditionalData, INSTANCE_BASE_URL } from './additional-data';
export type { AdditionalDataOptions } from './additional-data';
export { testCredential } from './credential-test';
export { HarnessCredentialsHelper } from './credentials-helper';
export type { CredentialsData } from './credentials-helper';
export { HARNESS_INSTANCE_ID } from './instance';
export { runListSearch, runLoadOptions } from './load-options';
export { HarnessNodeTypes } from './node-types';
export { runNode, SOURCE_NODE_NAME } from './run-node';
export type { RunNodeOptions, RunNodeResult } from './run-node';
export { runWebhook, runWebhookMethod, WEBHOOK_ID } from './trigger';
export type { RecordedResponse, TriggerOptions, WebhookRequest } from './trigger';
export { NODE_NAME, WORKFLOW_ID } from './workflow';
