/**
 * n8n-core reports every node error to its logger, which prints to the console. Node errors are
 * what many specs are about, so keep the engine quiet unless a run asks otherwise
 * (`N8N_LOG_LEVEL=debug npx jest …`). Imported before n8n-core, whose logger reads this lazily.
 */
process.env.N8N_LOG_LEVEL ??= 'silent';

export {};
