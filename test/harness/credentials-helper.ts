import type {
	ICredentialDataDecryptedObject,
	ICredentialsEncrypted,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	IRequestOptionsSimplified,
	Workflow,
} from 'n8n-workflow';
import { ICredentials, ICredentialsHelper, isExpression, NodeHelpers } from 'n8n-workflow';

/** Plain credential data per credential type name, as a user would type it into n8n. */
export type CredentialsData = Record<string, ICredentialDataDecryptedObject>;

/** Credentials kept in memory as JSON: the harness has no database and needs no encryption. */
class MemoryCredentials extends ICredentials {
	async getData(): Promise<ICredentialDataDecryptedObject> {
		return JSON.parse(this.data ?? '{}') as ICredentialDataDecryptedObject;
	}

	getDataToSave(): ICredentialsEncrypted {
		return { id: this.id, name: this.name, type: this.type, data: this.data };
	}

	async setData(data: ICredentialDataDecryptedObject): Promise<void> {
		this.data = JSON.stringify(data);
	}

	async updateData(
		toUpdate: Partial<ICredentialDataDecryptedObject>,
		toDelete: string[] = [],
	): Promise<void> {
		const data = { ...(await this.getData()), ...toUpdate } as ICredentialDataDecryptedObject;
		for (const key of toDelete) delete data[key];
		await this.setData(data);
	}
}

/**
 * n8n's credential store and authenticator for tests: credential data comes from the test, and
 * requests are authenticated the way n8n's own `CredentialsHelper` does it (a credential type's
 * `authenticate` function, or its `generic` form with `$credentials` expressions resolved by the
 * workflow's expression engine).
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	private readonly types = new Map<string, ICredentialType>();

	private readonly stored: CredentialsData = {};

	constructor(credentialTypes: ICredentialType[], credentials: CredentialsData = {}) {
		super();
		for (const type of credentialTypes) this.types.set(type.name, type);
		for (const [name, data] of Object.entries(credentials)) this.stored[name] = { ...data };
	}

	credentialType(name: string): ICredentialType {
		const type = this.types.get(name);
		if (!type) throw new Error(`The harness was not given the credential type "${name}"`);
		return type;
	}

	getParentTypes(name: string): string[] {
		const parents = this.types.get(name)?.extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.credentialType(typeName);
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		if (!authenticate) return requestOptions as IHttpRequestOptions;
		if (!workflow || !node) {
			throw new Error('Declarative credential authentication needs the workflow and the node');
		}

		const resolve = (value: string): string => {
			if (!isExpression(value)) return value;
			const resolved = workflow.expression.getSimpleParameterValue(
				node,
				value,
				'internal',
				{ $credentials: credentials },
				undefined,
				'',
			);
			return resolved ? resolved.toString() : '';
		};

		// Like n8n: every entry of `headers`, `qs`, `body` or `auth` lands in the request part of
		// the same name, keys and values resolved. The parts are indexed by name, hence the record.
		const options = { ...requestOptions } as unknown as Record<string, Record<string, unknown>>;
		options.headers = { ...(options.headers ?? {}) };
		for (const [part, entries] of Object.entries(authenticate.properties)) {
			const target = { ...(options[part] ?? {}) };
			for (const [key, value] of Object.entries(entries as Record<string, unknown>)) {
				target[resolve(key)] = typeof value === 'string' ? resolve(value) : value;
			}
			options[part] = target;
		}
		return options as unknown as IHttpRequestOptions;
	}

	/** As n8n: only credential types with an expirable hidden property pre-authenticate. */
	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.credentialType(typeName);
		const expirable = type.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		// n8n always pre-authenticates when the credential is being tested (its stand-in node).
		const isCredentialTest = node.type === 'n8n-nodes-base.noOp' && node.parameters?.temp === '';
		if (credentials[expirable.name] !== '' && !credentialsExpired && !isCredentialTest)
			return undefined;

		const output = await this.callPreAuthentication(type, helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		if (node.credentials?.[typeName]) {
			this.stored[typeName] = { ...(this.stored[typeName] ?? {}), ...output };
		}
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.credentialType(typeName);
		if (typeof type.preAuthentication !== 'function') return undefined;
		return await this.callPreAuthentication(type, helpers, credentials);
	}

	private async callPreAuthentication(
		type: ICredentialType,
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
	): Promise<ICredentialDataDecryptedObject> {
		// Typed as returning IDataObject; n8n merges the result into the credential data as is.
		const output = await type.preAuthentication?.call(helpers, credentials);
		return (output ?? {}) as ICredentialDataDecryptedObject;
	}

	async getCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
	): Promise<ICredentials> {
		const credentials = new MemoryCredentials(nodeCredentials, type);
		await credentials.setData(this.rawData(type));
		return credentials;
	}

	/** The given data with the credential type's defaults filled in, as n8n decrypts it. */
	async getDecrypted(
		_additionalData: unknown,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		_mode?: unknown,
		_executeData?: unknown,
		raw?: boolean,
	): Promise<ICredentialDataDecryptedObject> {
		return raw === true ? this.rawData(type) : this.withDefaults(type, this.rawData(type));
	}

	withDefaults(type: string, data: ICredentialDataDecryptedObject): ICredentialDataDecryptedObject {
		const withDefaults = NodeHelpers.getNodeParameters(
			this.getCredentialsProperties(type),
			data as INodeParameters,
			true,
			false,
			null,
			null,
		) as ICredentialDataDecryptedObject | null;
		return {
			...(withDefaults ?? {}),
			...(data.oauthTokenData ? { oauthTokenData: data.oauthTokenData } : {}),
		};
	}

	async updateCredentials(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.stored[type] = { ...data };
	}

	async updateCredentialsOauthTokenData(
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.stored[type] = { ...(this.stored[type] ?? {}), oauthTokenData: data.oauthTokenData };
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		const credentialType = this.credentialType(type);
		if (!credentialType.extends) return credentialType.properties;
		const merged: INodeProperties[] = [];
		for (const parent of credentialType.extends) {
			NodeHelpers.mergeNodeProperties(merged, this.getCredentialsProperties(parent));
		}
		NodeHelpers.mergeNodeProperties(merged, credentialType.properties);
		return merged;
	}

	private rawData(type: string): ICredentialDataDecryptedObject {
		const data = this.stored[type];
		if (!data) throw new Error(`The harness was not given credentials of type "${type}"`);
		return { ...data };
	}
}
