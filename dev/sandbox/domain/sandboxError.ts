/** Misuse of a test hook (bad amount, wrong status…): `status` is the hook's HTTP status. */
export class SandboxError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
	}
}
