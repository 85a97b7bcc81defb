/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * The e2e suite checks the due dates the example workflows produce in a real n8n. n8n evaluates
 * `$now` and `$today` in the instance's time zone, so an expectation computed in UTC fails for
 * hours every day. Here every date expression of every example is evaluated by n8n's own
 * expression engine with the clock set a minute either side of midnight in several zones, and
 * must agree with what dev/realN8n/calendar.ts expects.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { Workflow, type INode, type INodeType, type INodeTypes } from 'n8n-workflow';

import { calendarDateIn, daysFromTodayIn } from '../../dev/realN8n/calendar';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
const ZONES = ['UTC', 'America/New_York', 'Pacific/Auckland'];
/** Local midnights in winter and in summer (both hemispheres), as wall-clock dates. */
const MIDNIGHTS = ['2026-12-13', '2026-07-01', '2027-03-28'];

interface DateExpression {
	example: string;
	expression: string;
	/** What the expression should give at `atMs` in `zone`. */
	expected(zone: string, atMs: number): string;
}

/** Recognises the date expressions the examples use; anything else with $now/$today fails the test. */
function expectationOf(expression: string): DateExpression['expected'] | undefined {
	const plus = /^=\{\{ \$now\.plus\((-?\d+), 'days'\)\.toISODate\(\) \}\}$/.exec(expression);
	if (plus) return (zone, atMs) => daysFromTodayIn(zone, Number(plus[1]), atMs);
	if (expression === '={{ $today.toISODate() }}') return (zone, atMs) => calendarDateIn(zone, atMs);
	return undefined;
}

function stringsIn(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
	return [];
}

function dateExpressions(): { found: DateExpression[]; unknown: string[] } {
	const found: DateExpression[] = [];
	const unknown: string[] = [];
	for (const file of readdirSync(EXAMPLES).filter((name) => name.endsWith('.json'))) {
		const workflow = JSON.parse(readFileSync(path.join(EXAMPLES, file), 'utf8')) as { nodes: INode[] };
		for (const expression of workflow.nodes.flatMap((node) => stringsIn(node.parameters))) {
			if (!/\$now|\$today/.test(expression)) continue;
			// Month names in descriptions ("Services, March 2026") are not compared by the e2e suite.
			if (expression.includes("toFormat('MMMM yyyy')")) continue;
			// The model picks the number of days; the agent e2e checks that date in n8n's zone.
			if (expression.includes('$fromAI(')) continue;
			const expected = expectationOf(expression);
			if (expected) found.push({ example: file, expression, expected });
			else unknown.push(`${file}: ${expression}`);
		}
	}
	return { found, unknown };
}

/** The instant `offsetMinutes` from midnight starting `date` on the wall clock of `zone`. */
function nearMidnight(zone: string, date: string, offsetMinutes: number): number {
	// Start from UTC midnight and correct by the zone's offset at that moment (twice, for DST edges).
	let guess = Date.parse(`${date}T00:00:00Z`);
	for (let i = 0; i < 2; i++) {
		const wall = new Date(new Date(guess).toLocaleString('en-US', { timeZone: zone }) + ' UTC').getTime();
		guess += Date.parse(`${date}T00:00:00Z`) - wall;
	}
	return guess + offsetMinutes * 60_000;
}

const probeType = {
	description: { name: 'probe', displayName: 'Probe', group: [], version: 1, inputs: [], outputs: [], properties: [], defaults: {} },
} as unknown as INodeType;
const nodeTypes = { getByName: () => probeType, getByNameAndVersion: () => probeType, getKnownTypes: () => ({}) } as unknown as INodeTypes;

function evaluateIn(zone: string, expression: string): unknown {
	const node: INode = { id: 'p', name: 'Probe', type: 'probe', typeVersion: 1, position: [0, 0], parameters: {} };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes, settings: { timezone: zone } });
	return workflow.expression.getParameterValue(expression, null, 0, 0, 'Probe', [{ json: {} }], 'manual', {});
}

describe('date expectations of the e2e suite at any hour', () => {
	const { found, unknown } = dateExpressions();
	afterEach(() => jest.restoreAllMocks());

	it('knows every date expression the examples use', () => {
		expect(unknown).toEqual([]);
		expect(found.length).toBeGreaterThanOrEqual(6);
	});

	for (const zone of ZONES) {
		for (const clockZone of ZONES) {
			it(`an instance in ${zone} with the clock a minute either side of midnight in ${clockZone}`, () => {
				for (const midnight of MIDNIGHTS) {
					for (const offset of [-1, 1]) {
						const atMs = nearMidnight(clockZone, midnight, offset);
						jest.spyOn(Date, 'now').mockReturnValue(atMs);
						for (const { example, expression, expected } of found) {
							const context = `${example} ${expression} at ${new Date(atMs).toISOString()}`;
							expect({ context, value: evaluateIn(zone, expression) }).toEqual({ context, value: expected(zone, atMs) });
						}
					}
				}
			});
		}
	}

	it('tells a UTC expectation apart from New York’s in the small hours (the bug this guards against)', () => {
		const atMs = Date.parse('2026-11-29T02:30:00Z');
		expect(daysFromTodayIn('America/New_York', 14, atMs)).toBe('2026-12-12');
		expect(daysFromTodayIn('UTC', 14, atMs)).toBe('2026-12-13');
	});
});
