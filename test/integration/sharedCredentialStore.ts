import { CredentialTypeRegistry, HarnessCredentialsHelper, type StoredCredential } from '../support/n8n';
import { credentialTypes } from './credentials.fixture';

/**
 * A credential store shared by concurrent runs, as n8n's database is: runNode stores the credentials
 * it is given, so a later run must not put back the token an earlier run has since renewed.
 */
export class SharedCredentialStore extends HarnessCredentialsHelper {
	constructor() {
		super(new CredentialTypeRegistry(credentialTypes));
	}

	setCredential(type: string, credential: StoredCredential): void {
		try {
			this.getStoredData(type, credential.id);
			return;
		} catch {
			super.setCredential(type, credential);
		}
	}
}
