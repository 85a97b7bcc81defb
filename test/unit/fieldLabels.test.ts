import { displayNameOf } from '../../nodes/shared/helpers/fieldLabels';
import { settingsFieldsProperty } from '../../nodes/CybersourceInvoice/v1/descriptions/invoiceSettings';

describe('field labels come from the descriptions', () => {
	it('finds a top-level parameter and an option inside a collection', () => {
		expect(displayNameOf([settingsFieldsProperty], 'settingsFields')).toBe('Update Fields');
		expect(displayNameOf([settingsFieldsProperty], 'logoBinaryProperty')).toBe('Logo (Binary Property)');
	});

	it('refuses a name no parameter has, so a typo cannot produce a nameless message', () => {
		expect(() => displayNameOf([settingsFieldsProperty], 'logo')).toThrow('No parameter is named "logo"');
	});
});
