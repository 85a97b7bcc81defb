/**
 * A real ILoadOptionsFunctions, as n8n builds one when the editor asks a node for list entries or
 * options: n8n-core's LoadOptionsContext on a one-node workflow, with the credential signing
 * through our `authenticate` and real HTTP to the sandbox.
 */
import { Credentials, LoadOptionsContext } from 'n8n-core';
import {
	ICredentialsHelper,
	Workflow,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type INode,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { CybersourceApi } from '../../credentials/CybersourceApi.credentials';
import { CybersourceInvoice } from '../../nodes/CybersourceInvoice/CybersourceInvoice.node';

const credentialType = new CybersourceApi();

class SigningCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly data: ICredentialDataDecryptedObject) {
		super();
	}
	getParentTypes(): string[] {
		return [];
	}
	async authenticate(credentials: ICredentialDataDecryptedObject, _type: string, request: IHttpRequestOptions) {
		const sign = credentialType.authenticate as (c: ICredentialDataDecryptedObject, r: IHttpRequestOptions) => Promise<IHttpRequestOptions>;
		return await sign(credentials, request);
	}
	async preAuthentication() {
		return undefined;
	}
	async getCredentials() {
		return new Credentials({ id: null, name: '' }, '', '');
	}
	async getDecrypted() {
		return { ...this.data };
	}
	async updateCredentials() {}
	async updateCredentialsOauthTokenData() {}
	getCredentialsProperties() {
		return credentialType.properties;
	}
}

/** The context n8n gives `methods.listSearch` / `methods.loadOptions` for a node with these parameters. */
export function loadOptionsContext(
	credentials: ICredentialDataDecryptedObject,
	parameters: INodeParameters,
	path = 'parameters.invoiceId',
): ILoadOptionsFunctions {
	const nodeType: INodeType = new CybersourceInvoice();
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
	const additionalData = {
		credentialsHelper: new SigningCredentialsHelper(credentials),
		currentNodeParameters: parameters,
		variables: {},
	} as IDataObject as unknown as IWorkflowExecuteAdditionalData;
	return new LoadOptionsContext(workflow, workflow.getNode(node.name)!, additionalData, path);
}
