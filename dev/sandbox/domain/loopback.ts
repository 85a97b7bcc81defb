/** Which peer addresses are this machine: hooks answer only them, and webhook receivers may use plain http to them. */

/** 127.0.0.0/8, ::1 and their IPv4-mapped forms. */
export function isLoopbackAddress(address: string | undefined): boolean {
	if (!address) return false;
	const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
	if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4)) return true;
	return address === '::1' || address === '0:0:0:0:0:0:0:1';
}
