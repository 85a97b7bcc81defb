/**
 * n8n-core reads these when it is first imported (so this module is imported first): keep its
 * config out of $HOME and stop its cron-logging interval, as the tests do.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

process.env.N8N_USER_FOLDER ??= mkdtempSync(path.join(tmpdir(), 'n8n-bench-'));
process.env.N8N_LOG_CRON_ACTIVE_INTERVAL = '0';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
