import {
	APP_CREDENTIAL_TYPE,
	BROWSER_FLOW_CREDENTIAL_TYPE,
	credentialTypeOf,
} from '../../../nodes/shared/parameters/authentication';
import { DropboxSession, type DropboxContext } from '../../../nodes/shared/transport';
import { dropboxNode } from '../transport/node.fixture';

const node = dropboxNode;

describe('credentialTypeOf', () => {
	it('follows the Authentication parameter', () => {
		expect(credentialTypeOf(node({ authentication: 'appApi' }))).toBe(APP_CREDENTIAL_TYPE);
		expect(credentialTypeOf(node({ authentication: 'oAuth2' }))).toBe(BROWSER_FLOW_CREDENTIAL_TYPE);
	});

	it('without the parameter, uses the credential attached to the node', () => {
		const app = { [APP_CREDENTIAL_TYPE]: { id: 'a', name: 'app' } };
		const oauth = { [BROWSER_FLOW_CREDENTIAL_TYPE]: { id: 'o', name: 'oauth' } };
		expect(credentialTypeOf(node({}, app))).toBe(APP_CREDENTIAL_TYPE);
		expect(credentialTypeOf(node({}, oauth))).toBe(BROWSER_FLOW_CREDENTIAL_TYPE);
		expect(credentialTypeOf(node({}, { ...app, ...oauth }))).toBe(BROWSER_FLOW_CREDENTIAL_TYPE);
		expect(credentialTypeOf(node({}))).toBe(BROWSER_FLOW_CREDENTIAL_TYPE);
	});

	it('keys renewals by credential id', () => {
		const n = node({ authentication: 'appApi' }, { [APP_CREDENTIAL_TYPE]: { id: '42', name: 'app' } });
		const session = new DropboxSession({ getNode: () => n } as unknown as DropboxContext, {
			credentialType: credentialTypeOf(n),
		});
		expect(session.credentialKey).toBe(`${APP_CREDENTIAL_TYPE}:42`);
	});
});
