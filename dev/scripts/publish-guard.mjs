// prepublishOnly: a release is published only by .github/workflows/publish.yml (npm trusted
// publishing with a provenance statement, which n8n requires of community nodes), never from a
// laptop. `npm publish --dry-run` stays allowed. Steps: CONTRIBUTING.md, "Releasing".
const env = process.env;
const fromWorkflow = env.GITHUB_ACTIONS === 'true' && env.npm_config_provenance === 'true';
if (!fromWorkflow && env.npm_config_dry_run !== 'true') {
	console.error(
		'✘ npm publish refused: releases are published by GitHub Actions (.github/workflows/publish.yml) with npm trusted\n' +
			'  publishing and --provenance. Publish a GitHub release instead (CONTRIBUTING.md, "Releasing").',
	);
	process.exit(1);
}
