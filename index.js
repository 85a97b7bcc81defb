// Not part of the published package: n8n finds the node and the credential through the "n8n"
// section of package.json (dist/…). Kept as the repository's documented entry point.
module.exports = {};
