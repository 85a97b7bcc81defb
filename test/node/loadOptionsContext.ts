/**
 * A real ILoadOptionsFunctions, as n8n builds one when the editor asks a node for list entries or
 * options: n8n-core's LoadOptionsContext on a one-node workflow, with the credential signing
 * through our `authenticate` and real HTTP to the sandbox.
 */
import { LoadOptionsContext } from 'n8n-core';
import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type ILoadOptionsFunctions,
	type INode,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { CybersourceInvoice } from '../../nodes/CybersourceInvoice/CybersourceInvoice.node';
import { engineData } from '../harness/engine';

/** The context n8n gives `methods.listSearch` / `methods.loadOptions` for a node with these parameters. */
export function loadOptionsContext(
	credentials: ICredentialDataDecryptedObject,
	parameters: INodeParameters,
	path = 'parameters.invoiceId',
): ILoadOptionsFunctions {
	const nodeType: INodeType = new CybersourceInvoice().getNodeType(1);
	const node: INode = {
		id: 'node',
		name: 'Cybersource Invoice',
		type: 'test.cybersourceInvoice',
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { cybersourceApi: { id: '1', name: 'Cybersource (sandbox)' } },
	};
	const nodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const workflow = new Workflow({ id: 'wf', nodes: [node], connections: {}, nodeTypes, active: false, settings: {} });
	const additionalData: IWorkflowExecuteAdditionalData = { ...engineData('load-options', credentials), currentNodeParameters: parameters };
	return new LoadOptionsContext(workflow, workflow.getNode(node.name)!, additionalData, path);
}
