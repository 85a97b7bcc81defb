/* eslint "@n8n/community-nodes/no-restricted-globals": "off", "@n8n/community-nodes/no-restricted-imports": "off", "no-console": "off", "@n8n/community-nodes/no-dangerous-functions": "off", "@n8n/community-nodes/require-node-api-error": "off", "@n8n/community-nodes/no-hardcoded-secrets": "off", "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-unused-vars": ["error",{"argsIgnorePattern":"^_","varsIgnorePattern":"^_","ignoreRestSiblings":true}] -- dev tooling, never shipped: runs in Node.js, not in n8n (CONTRIBUTING.md, "Lint") */
/**
 * The services n8n's queue mode needs, started by the test itself on loopback and thrown away at
 * the end: a PostgreSQL cluster in a temp folder (Debian's postgresql; `initdb` refuses root, so as
 * root it runs as the `postgres` user, or `nobody`) and a redis-server that keeps nothing on disk.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { createConnection } from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';

export interface Service {
	/** What it is, for logs: `PostgreSQL 15 on 127.0.0.1:5990`. */
	label: string;
	stop(): Promise<void>;
}

export interface Postgres extends Service {
	port: number;
	user: string;
	database: string;
	/** Runs SQL with psql and returns the rows, columns separated by `|`. */
	query(sql: string): string[][];
}

const PG_ROOT = '/usr/lib/postgresql';

/** Debian keeps the server binaries out of PATH, one folder per major version: take the newest. */
function postgresBin(): string {
	const versions = existsSync(PG_ROOT) ? readdirSync(PG_ROOT).filter((name) => /^\d+$/.test(name)) : [];
	const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
	if (!newest || !existsSync(path.join(PG_ROOT, newest, 'bin', 'initdb'))) {
		throw new Error(`PostgreSQL is not installed (no ${PG_ROOT}/<version>/bin/initdb): apt-get install -y postgresql`);
	}
	return path.join(PG_ROOT, newest, 'bin');
}

/** The unprivileged account the cluster runs as, or undefined when we are not root. */
function clusterOwner(): { name: string; uid: number; gid: number } | undefined {
	if (userInfo().uid !== 0) return undefined;
	for (const name of ['postgres', 'nobody']) {
		try {
			const id = (flag: string) => Number(execFileSync('id', [flag, name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
			return { name, uid: id('-u'), gid: id('-g') };
		} catch {
			// no such user: try the next
		}
	}
	throw new Error('running as root, but neither a postgres nor a nobody user exists to run PostgreSQL');
}

function asOwner(owner: ReturnType<typeof clusterOwner>, command: string, args: string[]): [string, string[]] {
	return owner ? ['runuser', ['-u', owner.name, '--', command, ...args]] : [command, args];
}

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** initdb + pg_ctl start on 127.0.0.1:`port`, socket in the temp folder, trust auth (loopback only). */
export async function startPostgres(workDir: string, port: number): Promise<Postgres> {
	const bin = postgresBin();
	const owner = clusterOwner();
	const dir = path.join(workDir, 'postgres');
	mkdirSync(path.join(dir, 'socket'), { recursive: true });
	if (owner) for (const folder of [workDir, dir, path.join(dir, 'socket')]) chownSync(folder, owner.uid, owner.gid);
	const data = path.join(dir, 'data');
	const user = 'n8n';
	const run = (tool: string, args: string[]) => {
		const [command, argv] = asOwner(owner, path.join(bin, tool), args);
		return execFileSync(command, argv, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
	};
	run('initdb', ['-D', data, '-U', user, '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8']);
	const options = `-p ${port} -k ${path.join(dir, 'socket')} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
	run('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start']);
	const stop = async () => {
		try {
			run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
		} catch {
			// already stopped
		}
	};
	const psql = (sql: string, database: string) =>
		execFileSync(path.join(bin, 'psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', user, '-d', database, '-At', '-F', '|', '-c', sql], {
			encoding: 'utf8',
		});
	try {
		psql('CREATE DATABASE n8n', 'postgres');
	} catch (error) {
		await stop();
		throw error;
	}
	const version = path.basename(path.dirname(bin));
	return {
		label: `PostgreSQL ${version} on 127.0.0.1:${port}${owner ? ` (as ${owner.name})` : ''}`,
		port,
		user,
		database: 'n8n',
		query: (sql) =>
			psql(sql, 'n8n')
				.split('\n')
				.filter((line) => line !== '')
				.map((line) => line.split('|')),
		stop,
	};
}

/** Answers +PONG once redis is up. */
function ping(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = createConnection({ host: '127.0.0.1', port });
		socket.setTimeout(1000);
		socket.once('connect', () => socket.write('PING\r\n'));
		socket.once('data', (chunk) => {
			socket.destroy();
			resolve(chunk.toString().startsWith('+PONG'));
		});
		socket.once('error', () => resolve(false));
		socket.once('timeout', () => {
			socket.destroy();
			resolve(false);
		});
	});
}

function exited(child: ChildProcess): Promise<void> {
	return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

export interface Redis extends Service {
	/** One redis-cli command, e.g. `ZSCORE bull:jobs:failed 7`; its raw answer. */
	command(...args: string[]): string;
}

/** redis-server on 127.0.0.1:`port`, nothing saved to disk. */
export async function startRedis(workDir: string, port: number): Promise<Redis> {
	const dir = path.join(workDir, 'redis');
	mkdirSync(dir, { recursive: true });
		const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--daemonize', 'no'];
	const child = spawn('redis-server', args, { stdio: ['ignore', 'ignore', 'pipe'] });
	const failed = new Promise<never>((_, reject) =>
		child.once('error', (error) => reject(new Error(`redis-server could not start (${error.message}): apt-get install -y redis-server`))),
	);
	const stop = async () => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		child.kill('SIGTERM');
		await exited(child);
	};
	const ready = (async () => {
		for (let attempt = 0; attempt < 100; attempt++) {
			if (await ping(port)) return;
			if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
			await sleep(100);
		}
		throw new Error('redis-server did not answer PING within 10 s');
	})();
	try {
		await Promise.race([ready, failed]);
	} catch (error) {
		await stop();
		throw error;
	}
	const command = (...argv: string[]) =>
		execFileSync('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...argv], { encoding: 'utf8' }).trim();
	return { label: `redis-server on 127.0.0.1:${port}`, command, stop };
}
