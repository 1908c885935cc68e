/**
 * Imported first by the runner and by child processes, before anything that reads these at load
 * time: Cal.com's reference files beside the checkout (test/shared-path.ts resolves them from its
 * own folder, which is the build folder here), and a quiet n8n-core.
 */
import { resolve } from 'node:path';

import { ROOT } from './common';

process.env.CALCOM_SHARED_DIR ??= resolve(ROOT, '..', 'shared');
process.env.N8N_LOG_LEVEL ??= 'silent';
