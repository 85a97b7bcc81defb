import { InputError } from '../helpers/inputError';
import { isBlank } from '../helpers/values';

/*
 * Currencies: which ISO 4217 codes the node accepts (so a typo like "US" is refused before the API
 * sees it), how a Currency field is read, and how many decimals each currency's amounts have.
 * Every amount the node sends or reads is scaled by these minor units.
 */

/** Minor units (decimals) of the currencies that do not use 2: JPY 0, BHD 3, … */
const MINOR_UNITS: Record<string, number> = {
	BHD: 3, BIF: 0, CLF: 4, CLP: 0, DJF: 0, GNF: 0, IQD: 3, ISK: 0, JOD: 3, JPY: 0, KMF: 0, KRW: 0,
	KWD: 3, LYD: 3, OMR: 3, PYG: 0, RWF: 0, TND: 3, UGX: 0, UYI: 0, UYW: 4, VND: 0, VUV: 0, XAF: 0,
	XOF: 0, XPF: 0,
};

/** Active ISO 4217 codes, so a typo like "US" or "EUR0" is caught before the API sees it. */
const ISO_4217 = new Set(
	(
		'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP ' +
		'BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR ' +
		'FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES ' +
		'KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR ' +
		'MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF ' +
		'SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS ' +
		'UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG'
	).split(' '),
);

/** The codes the node knows, in alphabetical order (for a list to pick from). */
export function knownCurrencies(): string[] {
	return [...ISO_4217].sort();
}

export function isKnownCurrency(code: string): boolean {
	return ISO_4217.has(code);
}

export function minorUnits(currency: string): number {
	return MINOR_UNITS[currency] ?? 2;
}

/** A Currency field: a known ISO 4217 code in any case and spacing ("usd "), returned upper case. */
export function parseCurrency(value: unknown, field = 'Currency'): string {
	if (isBlank(value)) throw new InputError(field, 'is required: a 3-letter ISO 4217 code like USD or EUR');
	const code = String(value).trim().toUpperCase();
	if (!/^[A-Z]{3}$/.test(code) || !isKnownCurrency(code)) {
		throw new InputError(field, `"${String(value)}" is not an ISO 4217 currency code. Use 3 letters like USD, EUR or JPY`);
	}
	return code;
}
