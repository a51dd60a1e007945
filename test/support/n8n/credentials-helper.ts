import { Credentials, getAdditionalKeys } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsExpressionResolveValues,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	IRequestOptionsSimplified,
	IWorkflowDataProxyAdditionalKeys,
	IWorkflowExecuteAdditionalData,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers, UnexpectedError, isExpression } from 'n8n-workflow';

import type { CredentialTypeRegistry } from './credential-types';

/** A credential as n8n stores it: its identity and its (decrypted) data. */
export interface StoredCredential {
	id: string;
	name: string;
	data: ICredentialDataDecryptedObject;
}

/** One write to the store, in order: what n8n-core (or a preAuthentication) saved. */
export interface CredentialUpdate {
	id: string;
	type: string;
	kind: 'oauthTokenData' | 'preAuthentication' | 'data';
	data: ICredentialDataDecryptedObject;
}

interface StoreEntry extends StoredCredential {
	type: string;
}

/**
 * The credentials helper n8n's CLI gives n8n-core, minus the database: an in-memory store
 * that every read decrypts afresh (so a token saved mid-run is what the next request sees)
 * and every write replaces, as the CLI's repository update does.
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
	private readonly store = new Map<string, StoreEntry>();

	/** Every write in order; `updateCount` counts them. */
	readonly updates: CredentialUpdate[] = [];

	constructor(readonly credentialTypes: CredentialTypeRegistry) {
		super();
	}

	/** Stores (or replaces) the credential a node refers to by `{ id, name }` under `type`. */
	setCredential(type: string, credential: StoredCredential): void {
		this.credentialTypes.getByName(type);
		this.store.set(this.key(credential.id, type), {
			...credential,
			type,
			data: structuredClone(credential.data),
		});
	}

	hasCredential(type: string, id: string): boolean {
		return this.store.has(this.key(id, type));
	}

	/** `{ id, name }` of the stored credential of each type, as a node's `credentials` holds them. */
	nodeCredentials(): Record<string, INodeCredentialsDetails> {
		const references: Record<string, INodeCredentialsDetails> = {};
		for (const { type, id, name } of this.store.values()) references[type] ??= { id, name };
		return references;
	}

	/** A copy of what is stored now for the credential of that type (first one, or by id). */
	getStoredData(type: string, id?: string): ICredentialDataDecryptedObject {
		return structuredClone(this.entryOfType(type, id).data);
	}

	/** How many times the credential of that type was written (token refreshes and the like). */
	updateCount(type: string, id?: string): number {
		const entry = this.entryOfType(type, id);
		return this.updates.filter((update) => update.id === entry.id && update.type === type).length;
	}

	getParentTypes(name: string): string[] {
		return this.credentialTypes.getParentTypes(name);
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.credentialTypes.getProperties(type);
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<Credentials> {
		const entry = this.entry(nodeCredentials, type);
		const credentials = new Credentials({ id: entry.id, name: entry.name }, type);
		credentials.setData(structuredClone(entry.data));
		return credentials;
	}

	async getDecrypted(
		additionalData: IWorkflowExecuteAdditionalData,
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		mode: WorkflowExecuteMode,
		executeData?: IExecuteData,
		raw?: boolean,
		expressionResolveValues?: ICredentialsExpressionResolveValues,
	): Promise<ICredentialDataDecryptedObject> {
		const stored = structuredClone(this.entry(nodeCredentials, type).data);
		if (raw === true) return stored;

		// Like the CLI: the type's defaults fill what the user never set, values not declared
		// by the type are dropped, except the token data n8n keeps beside the properties.
		const withDefaults = (NodeHelpers.getNodeParameters(
			this.credentialTypes.getProperties(type),
			stored as INodeParameters,
			true,
			false,
			null,
			null,
		) ?? {}) as ICredentialDataDecryptedObject;
		if (stored.oauthTokenData !== undefined) withDefaults.oauthTokenData = stored.oauthTokenData;

		if (expressionResolveValues === undefined || !containsExpression(withDefaults)) {
			return withDefaults;
		}
		const additionalKeys = getAdditionalKeys(additionalData, mode, null);
		const { workflow, runExecutionData, runIndex, itemIndex, node, connectionInputData } =
			expressionResolveValues;
		return workflow.expression.getParameterValue(
			withDefaults as INodeParameters,
			runExecutionData,
			runIndex,
			itemIndex,
			node.name,
			connectionInputData,
			mode,
			additionalKeys,
			executeData,
			false,
			withDefaults,
		) as ICredentialDataDecryptedObject;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.credentialTypes.getByName(typeName);
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		if (authenticate?.type === 'generic') {
			const resolve = (value: string) =>
				resolveCredentialValue(value, { $credentials: credentials }, workflow, node);
			const target = requestOptions as unknown as Record<string, Record<string, unknown>>;
			target.headers ??= {};
			for (const [section, entries] of Object.entries(authenticate.properties)) {
				target[section] ??= {};
				for (const [key, value] of Object.entries(entries as Record<string, unknown>)) {
					target[section][resolve(key)] = resolve(String(value));
				}
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	/**
	 * As the CLI: only for a type with `preAuthentication` and a hidden expirable property,
	 * run when that property is empty or when n8n-core says the credential expired (a 401);
	 * what it returns is saved and merged into the credentials in use.
	 */
	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const credentialType = this.credentialTypes.getByName(typeName);
		const expirable = this.credentialTypes
			.getProperties(typeName)
			.find((property) => property.type === 'hidden' && property.typeOptions?.expirable === true);
		if (expirable === undefined || typeof credentialType.preAuthentication !== 'function') {
			return undefined;
		}
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;

		const output = await credentialType.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;

		const nodeCredentials = node.credentials?.[typeName];
		if (nodeCredentials === undefined) return undefined;
		const entry = this.entry(nodeCredentials, typeName);
		const merged: ICredentialDataDecryptedObject = { ...entry.data, ...(output as ICredentialDataDecryptedObject) };
		this.write(entry, merged, 'preAuthentication');
		return Object.assign(credentials, output as ICredentialDataDecryptedObject);
	}

	async updateCredentials(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		this.write(this.entry(nodeCredentials, type), data, 'data');
	}

	async updateCredentialsOauthTokenData(
		nodeCredentials: INodeCredentialsDetails,
		type: string,
		data: ICredentialDataDecryptedObject,
	): Promise<void> {
		const entry = this.entry(nodeCredentials, type);
		this.write(entry, { ...entry.data, oauthTokenData: data.oauthTokenData }, 'oauthTokenData');
	}

	private write(entry: StoreEntry, data: ICredentialDataDecryptedObject, kind: CredentialUpdate['kind']) {
		entry.data = structuredClone(data);
		this.updates.push({ id: entry.id, type: entry.type, kind, data: structuredClone(data) });
	}

	private entry(nodeCredentials: INodeCredentialsDetails, type: string): StoreEntry {
		if (!nodeCredentials.id) {
			throw new UnexpectedError(`Credential "${nodeCredentials.name}" of type "${type}" has no id`);
		}
		const entry = this.store.get(this.key(nodeCredentials.id, type));
		if (entry === undefined) {
			throw new UnexpectedError(`No credential with id "${nodeCredentials.id}" of type "${type}"`);
		}
		return entry;
	}

	private entryOfType(type: string, id?: string): StoreEntry {
		const entry = [...this.store.values()].find(
			(candidate) => candidate.type === type && (id === undefined || candidate.id === id),
		);
		if (entry === undefined) throw new UnexpectedError(`No stored credential of type "${type}"`);
		return entry;
	}

	private key(id: string, type: string): string {
		return `${type}\u0000${id}`;
	}
}

function containsExpression(value: unknown): boolean {
	if (typeof value === 'string') return isExpression(value);
	if (Array.isArray(value)) return value.some(containsExpression);
	if (value !== null && typeof value === 'object') return Object.values(value).some(containsExpression);
	return false;
}

function resolveCredentialValue(
	value: string,
	additionalKeys: IWorkflowDataProxyAdditionalKeys,
	workflow: Workflow,
	node: INode,
): string {
	if (!isExpression(value)) return value;
	const resolved = workflow.expression.getSimpleParameterValue(
		node,
		value,
		'internal',
		additionalKeys,
		undefined,
		'',
	);
	return resolved ? resolved.toString() : '';
}
