/**
 * Runs one of our nodes through the real n8n-core 2.8 engine, the way n8n runs it.
 *
 *   import { runNode, assertPairedItems, binaryInput } from '../support/n8n';
 *
 *   const result = await runNode({
 *     nodeType: new DropboxSuite(),
 *     parameters: { resource: 'file', operation: 'download', path: '/a.txt' },
 *     credentials: { dropboxSuiteOAuth2Api: { id: '1', name: 'Dropbox', data: { ... } } },
 *     credentialTypes: [new DropboxSuiteOAuth2Api()],
 *     inputItems: [{ json: {}, binary: { data: binaryInput('hello', 'a.txt', 'text/plain') } }],
 *     continueOnFail: true,
 *   });
 *   result.items;                 // main output 0, pairedItem as n8n-core hands it on
 *   assertPairedItems(result.nodeOutput[0]); // what execute() returned, before n8n-core's filling
 *   result.error;                 // the execution error when the run failed
 *   await result.readBinary(result.items[0].binary!.data);
 *   result.credentialsHelper.getStoredData('dropboxSuiteOAuth2Api'); // tokens saved by refreshes
 *   result.credentialsHelper.updateCount('dropboxSuiteOAuth2Api');
 *
 * A workflow of two nodes runs in WorkflowExecute: a start node emitting `inputItems`
 * (inline base64 binaries are first stored in the real filesystem BinaryDataService, in a
 * temporary folder removed after the test file), then the node under test. Credentials
 * live in an in-memory store behind a credentials helper that behaves as n8n's CLI one
 * does: defaults from the type (and its `extends` parents; `oAuth2Api` is built in),
 * generic or function `authenticate`, `preAuthentication` for expirable properties, and
 * every token write recorded. `httpRequestWithAuthentication` with an OAuth2 credential
 * goes through n8n-core's own requestOAuth2, refresh on 401 included. Pass the same
 * `credentialsHelper` to later or concurrent runs to share the store as n8n's database is
 * shared: credentials it already holds are not overwritten by `credentials`.
 * `result.problems` lists what n8n-core logged at warn/error level meanwhile.
 */
export { runNode } from './run-node';
export type { RunNodeOptions, RunNodeResult } from './run-node';
export { assertPairedItems } from './paired-items';
export { binaryInput, readBinary, storedBinaryInput } from './binary';
export { HarnessCredentialsHelper } from './credentials-helper';
export type { CredentialUpdate, StoredCredential } from './credentials-helper';
export { CredentialTypeRegistry } from './credential-types';
export { OAuth2ApiBase } from './oauth2-api.credentials';
export { disposeHarnessEnvironment, getHarnessEnvironment } from './environment';
export { TriggerInstance } from './trigger-instance';
export type { TriggeredExecution } from './trigger-instance';
export { activateTrigger, TRIGGER_NODE_ID, TRIGGER_WORKFLOW_ID } from './run-trigger';
export type { ActivateTriggerOptions, ActiveTrigger, CrashPlan, TriggerNodeOptions } from './run-trigger';
export { runManualTrigger } from './manual-trigger';
export type { ManualTriggerResult } from './manual-trigger';
