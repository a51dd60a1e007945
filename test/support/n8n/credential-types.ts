import type { ICredentialType, INodeProperties } from 'n8n-workflow';
import { NodeHelpers, UnexpectedError } from 'n8n-workflow';

import { OAuth2ApiBase } from './oauth2-api.credentials';

/** The credential types one run knows: the test's own plus n8n's generic OAuth2 base. */
export class CredentialTypeRegistry {
	private readonly byName = new Map<string, ICredentialType>();

	constructor(types: ICredentialType[]) {
		for (const type of [new OAuth2ApiBase(), ...types]) this.byName.set(type.name, type);
	}

	getByName(name: string): ICredentialType {
		const type = this.byName.get(name);
		if (type === undefined) {
			throw new UnexpectedError(`Unknown credential type "${name}": pass it in credentialTypes`);
		}
		return type;
	}

	/** Every ancestor named by `extends`, nearest first, as n8n's CredentialTypes does. */
	getParentTypes(name: string): string[] {
		const parents = this.getByName(name).extends ?? [];
		return parents.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	/**
	 * Parent properties first (minus those marked `doNotInherit`), the type's own win; the
	 * OAuth base types also carry the `oauthTokenData` field n8n stores tokens in.
	 */
	getProperties(name: string): INodeProperties[] {
		const type = this.getByName(name);
		if (type.extends === undefined) {
			if (name === 'oAuth2Api' || name === 'oAuth1Api') {
				return [
					...type.properties,
					{ displayName: 'oauthTokenData', name: 'oauthTokenData', type: 'json', default: {} },
				];
			}
			return type.properties;
		}
		const combined: INodeProperties[] = [];
		for (const parent of type.extends) {
			const inherited = this.getProperties(parent).filter((property) => !property.doNotInherit);
			NodeHelpers.mergeNodeProperties(combined, inherited);
		}
		NodeHelpers.mergeNodeProperties(combined, type.properties);
		return combined;
	}
}
