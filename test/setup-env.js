// n8n-core reads these when it is first imported: keep its config out of $HOME and stop the
// cron-logging interval that would keep jest alive.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

if (!process.env.N8N_USER_FOLDER) {
	process.env.N8N_USER_FOLDER = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-unit-'));
}
process.env.N8N_LOG_CRON_ACTIVE_INTERVAL = '0';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
// The node's warnings for n8n's log (e.g. a webhook delivery answered 503) are expected in many
// tests; keep them out of the test output. N8N_LOG_LEVEL=warn shows them again.
process.env.N8N_LOG_LEVEL ??= 'error';
