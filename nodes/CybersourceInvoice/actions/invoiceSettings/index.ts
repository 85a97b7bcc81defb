import type { OperationDescriptor } from '../operation';
import * as get from './get.operation';
import * as update from './update.operation';

export { get, update };

export const invoiceSettingsOperations: OperationDescriptor[] = [get.descriptor, update.descriptor];
