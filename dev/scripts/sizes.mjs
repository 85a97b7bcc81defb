// Sizes of the shipped code (nodes/, credentials/): files over 300 lines and functions over 60
// lines break the style rule unless the file's header says why. Dev-only; no arguments prints the
// offenders and exits 1 if any is unexplained; `--all N` lists every file and every function over N lines.
//
//   node dev/scripts/sizes.mjs            node dev/scripts/sizes.mjs --all 40
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const MAX_FILE_LINES = 300;
const MAX_FUNCTION_LINES = 60;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const shippedFiles = () =>
	['nodes', 'credentials'].flatMap((folder) =>
		readdirSync(path.join(root, folder), { recursive: true })
			.map((file) => path.join(folder, String(file)))
			.filter((file) => file.endsWith('.ts'))
			.sort(),
	);

const lineCount = (text) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

// A file may stay long if its first comment explains it with the words "over 300 lines".
const explainsLength = (text) => /over 300 lines/i.test(text.slice(0, 1500));

function functionName(node) {
	if (node.name) return node.name.getText();
	const parent = node.parent;
	if (parent && (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent))) return parent.name.getText();
	return '(anonymous)';
}

function functionsOf(file, text) {
	const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
	const found = [];
	const visit = (node) => {
		if (ts.isFunctionLike(node) && node.body) {
			const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
			const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
			found.push({ file, name: functionName(node), lines: end - start + 1 });
		}
		ts.forEachChild(node, visit);
	};
	visit(source);
	return found;
}

const allIndex = process.argv.indexOf('--all');
const listAll = allIndex >= 0;
const functionThreshold = listAll ? Number(process.argv[allIndex + 1] ?? 40) : MAX_FUNCTION_LINES;

let unexplained = 0;
let total = 0;
const longFunctions = [];
for (const file of shippedFiles()) {
	const text = readFileSync(path.join(root, file), 'utf8');
	const lines = lineCount(text);
	total += lines;
	const long = lines > MAX_FILE_LINES;
	if (listAll) console.log(`${String(lines).padStart(5)}  ${file}${long ? '  (over 300)' : ''}`);
	else if (long) console.log(`file ${file}: ${lines} lines${explainsLength(text) ? ' (explained in its header)' : ''}`);
	if (long && !explainsLength(text)) unexplained++;
	longFunctions.push(...functionsOf(file, text).filter((fn) => fn.lines > functionThreshold));
}
if (listAll) console.log(`${String(total).padStart(5)}  total\n\nfunctions over ${functionThreshold} lines:`);
for (const fn of longFunctions.sort((a, b) => b.lines - a.lines)) {
	console.log(`function ${fn.name} (${fn.file}): ${fn.lines} lines`);
	if (fn.lines > MAX_FUNCTION_LINES) unexplained++;
}
if (!listAll) {
	console.log(unexplained ? `✘ ${unexplained} over the limits` : '✔ no shipped file over 300 lines and no function over 60 lines');
	process.exit(unexplained ? 1 : 0);
}
