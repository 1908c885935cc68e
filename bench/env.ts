/**
 * Imported first by the runner and by child processes, before anything that reads these at load
 * time: where Cal.com's reference files are, found as the specs find them (test/reference/lookup.ts)
 * from the checkout (test/shared-path.ts would resolve them from its own folder, which is the build
 * folder here), and a quiet n8n-core. The runner fetches them there if need be (REFERENCE).
 */
import { locateReference } from '../test/reference/lookup';
import { ROOT } from './common';

export const REFERENCE = locateReference(process.env, ROOT);
process.env.CALCOM_SHARED_DIR ??= REFERENCE.dir;
process.env.N8N_LOG_LEVEL ??= 'silent';
