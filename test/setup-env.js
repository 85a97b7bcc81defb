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
