/**
 * Field limits of the Invoicing API (the maximum lengths its request schema declares for invoices
 * and invoice settings), in one place. Keys are the API's JSON paths; `[]` stands for any line item.
 */
export const MAX_LENGTH: Record<string, number> = {
	'clientReferenceInformation.partner.developerId': 8,
	'clientReferenceInformation.partner.solutionId': 8,
	'customerInformation.name': 100,
	'customerInformation.email': 255,
	'customerInformation.merchantCustomerId': 100,
	'customerInformation.company.name': 60,
	'invoiceInformation.transactionReferenceNumber': 40,
	'invoiceInformation.description': 2000,
	'orderInformation.amountDetails.totalAmount': 19,
	'orderInformation.amountDetails.discountAmount': 15,
	'orderInformation.amountDetails.discountPercent': 7,
	'orderInformation.amountDetails.subAmount': 25,
	'orderInformation.amountDetails.taxDetails.type': 30,
	'orderInformation.amountDetails.taxDetails.amount': 13,
	'orderInformation.amountDetails.taxDetails.rate': 6,
	'orderInformation.amountDetails.freight.amount': 13,
	'orderInformation.amountDetails.freight.taxRate': 7,
	'orderInformation.lineItems[].productSku': 255,
	'orderInformation.lineItems[].productName': 255,
	'orderInformation.lineItems[].unitPrice': 15,
	'orderInformation.lineItems[].discountAmount': 13,
	'orderInformation.lineItems[].discountPercent': 6,
	'orderInformation.lineItems[].taxAmount': 15,
	'orderInformation.lineItems[].taxRate': 7,
	'orderInformation.lineItems[].totalAmount': 13,
	'invoiceSettingsInformation.merchantDisplayName': 100,
	'invoiceSettingsInformation.customEmailMessage': 2000,
	'invoiceSettingsInformation.vatRegistrationNumber': 21,
	'invoiceSettingsInformation.merchantEmail': 255,
	'invoiceSettingsInformation.customRedirectUrls.paymentAccepted': 500,
	'invoiceSettingsInformation.customRedirectUrls.paymentRejected': 500,
	'invoiceSettingsInformation.customRedirectUrls.paymentPending': 500,
};

export const MAX_LINE_ITEMS = 30;
export const MIN_QUANTITY = 1;
export const MAX_QUANTITY = 999_999_999;
/** Per-line discount percentages allow at most two decimals. */
export const LINE_DISCOUNT_PERCENT_DECIMALS = 2;
/** The settings logo must be a PNG, JPG or GIF file of at most 1 MB. */
export const MAX_LOGO_BYTES = 1024 * 1024;

