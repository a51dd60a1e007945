/**
 * The playground's "Share a file" example in the real n8n 2.41, as the playground imports it: write a file, share it
 * by a link that expires in a week, output the link. The emulator is asked afterwards what the link serves.
 */
import { startEmulatorProcess, type EmulatorProcess } from './support/emulator-process';
import { N8nInstance } from './support/n8n-instance';
import { demoCredentials, shareFileWorkflow } from './support/playground-data';
import { nodeRun } from './support/transfer-workflows';

let emulator: EmulatorProcess;
let n8n: N8nInstance;
const workflow = shareFileWorkflow();

beforeAll(async () => {
	emulator = await startEmulatorProcess();
	n8n = new N8nInstance(emulator);
	await n8n.importJson('credentials', demoCredentials(emulator));
	await n8n.importJson('workflow', workflow);
}, 300_000);

afterAll(async () => {
	n8n?.cleanUp();
	await emulator?.stop();
});

it('writes the file and outputs a public link to it that expires in about a week', async () => {
	const started = Date.now();
	const { run } = await n8n.execute(workflow.id);
	expect(run.data.resultData.error).toBeUndefined();
	const [link] = nodeRun(run, 'Create a link').items.map((item) => item.json);
	expect(link).toMatchObject({ name: 'hello.txt', path_lower: '/shared/hello.txt' });
	expect(String(link.url)).toMatch(/^https:\/\/www\.dropbox\.com\/scl\/fi\//);
	const expires = Date.parse(String(link.expires));
	const week = 7 * 24 * 3600 * 1000;
	expect(Math.abs(expires - (started + week))).toBeLessThan(10 * 60 * 1000);

	// Running the example again returns the same link rather than failing: the file already has one.
	const again = await n8n.execute(workflow.id);
	expect(again.run.data.resultData.error).toBeUndefined();
	expect(nodeRun(again.run, 'Create a link').items[0].json).toMatchObject({ url: link.url, existing: true });
});
