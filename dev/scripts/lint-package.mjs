// What n8n's verification sees: `npm pack`, unpack, then lint the tarball's JS and package.json
// with @n8n/scan-community-package's own rules (its offline analyzePackage; the CLI needs the
// registry and provenance of a published version). Also checks what the tarball holds and its size.
//
//   npm run lint:package
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyzePackage } from '@n8n/scan-community-package/scanner/scanner.mjs';

const PACKED_BUDGET_BYTES = 60 * 1024;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const work = mkdtempSync(path.join(tmpdir(), 'cs-lint-package-'));
let failed = false;
const fail = (message) => {
	failed = true;
	console.error(`✘ ${message}`);
};

try {
	const [packed] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', work, '--loglevel=error'], { cwd: root, encoding: 'utf8' }),
	);
	const tarball = path.join(work, packed.filename);
	const unpacked = path.join(work, 'package');
	execFileSync('tar', ['-xzf', tarball, '-C', work]);

	// dist/ holds what tsc and the icon copy make; anything else there (e.g. screenshots or images that
	// `n8n-node build` copied from a work tree) must not ship.
	const allowed = /^(dist\/(nodes|credentials|icons)\/.+|README\.md|LICENSE\.md|package\.json)$/;
	const strays = packed.files.map((file) => file.path).filter((file) => !allowed.test(file));
	if (strays.length) {
		const shown = strays.slice(0, 10).join(', ') + (strays.length > 10 ? `, … (${strays.length} in all)` : '');
		fail(`the tarball holds files outside dist/nodes, dist/credentials, dist/icons, README, LICENSE, package.json: ${shown}`);
	}
	for (const needed of ['package.json', 'README.md', 'LICENSE.md', 'dist/nodes/CybersourceInvoice/CybersourceInvoice.node.js', 'dist/credentials/CybersourceApi.credentials.js', 'dist/icons/cybersource.svg', 'dist/icons/cybersource.dark.svg']) {
		if (!packed.files.some((file) => file.path === needed)) fail(`the tarball lacks ${needed}`);
	}
	// n8n loads the compiled JS named in package.json; source maps and type declarations are dead weight.
	const devOnly = packed.files.map((file) => file.path).filter((file) => /\.(map|d\.ts)$/.test(file));
	if (devOnly.length) fail(`the tarball holds source maps or declaration files: ${devOnly.join(', ')}`);
	const packedSize = statSync(tarball).size;
	// A size budget, reported rather than enforced: it is a goal, not a correctness rule.
	if (packedSize > PACKED_BUDGET_BYTES) console.warn(`⚠ the tarball is ${packedSize} bytes, over the ${PACKED_BUDGET_BYTES} bytes budget`);

	// Only JS and package.json, as the real scanner does (the .d.ts files trip a filename rule).
	const result = await analyzePackage(unpacked, ['**/*.js', 'package.json']);
	if (!result.passed) fail(`scanner: ${result.message}\n${result.details ?? ''}`);
	else console.log('✔ @n8n/scan-community-package rules: no violations in the packed JS and package.json');

	const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
	console.log(
		`✔ tarball ${packed.filename}: ${kb(packedSize)} packed, ${kb(packed.unpackedSize)} unpacked, ${packed.entryCount} files`,
	);
	const javascript = readdirSync(path.join(unpacked, 'dist'), { recursive: true }).filter((file) => String(file).endsWith('.js')).length;
	console.log(`  ${javascript} JavaScript files; runtime dependencies: ${Object.keys(packed.dependencies ?? {}).length}`);
} finally {
	rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
