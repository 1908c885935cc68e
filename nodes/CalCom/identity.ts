// How the two nodes describe themselves in n8n's node picker, where n8n's own Cal.com Trigger
// (n8n-nodes-base.calTrigger: "Cal.com Trigger", "Handle Cal.com events via webhooks") sits next
// to them. Their display names, "Cal.com API v2" and "Cal.com API v2 Trigger", are written in the
// node files, where n8n's lint rules read them.

/** The action node's own description: short, as the picker shows it beside the name. */
export const ACTION_DESCRIPTION = 'Find free slots, book, reschedule and cancel Cal.com meetings';

/**
 * n8n's picker shows the two nodes as one entry, the action node's, with the trigger's description
 * in both the trigger and the action picker (editor-ui NodeCreator, useActionsGeneration.ts
 * generateMergedNodesAndActions: `app.description = trigger.description`). So the trigger's
 * description starts with the action node's own and then says what the trigger adds.
 */
export const TRIGGER_DESCRIPTION = `${ACTION_DESCRIPTION}; trigger on bookings and more`;
