/**
 * Which of the playground's workflows and credentials n8n's database already holds, so that a restart imports only
 * what is missing and never overwrites what the user changed. Read with Node 24's built-in SQLite (n8n 2.41's
 * default database is SQLite, in `<user folder>/.n8n/database.sqlite`), while n8n is stopped: far quicker than
 * n8n's own CLI, which takes seconds to start.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { N8nInstance } from './n8n-instance';

export type N8nTable = 'workflow_entity' | 'credentials_entity';

const QUERY = `
const { DatabaseSync } = require('node:sqlite');
const [file, table, ...ids] = process.argv.slice(1);
const db = new DatabaseSync(file, { readOnly: true });
const found = ids.filter((id) => db.prepare('SELECT 1 FROM ' + table + ' WHERE id = ?').get(id));
process.stdout.write(JSON.stringify(found));
`;

export function idsInDatabase(n8n: N8nInstance, table: N8nTable, ids: string[]): Set<string> {
	const file = path.join(n8n.userFolder, '.n8n/database.sqlite');
	if (!fs.existsSync(file)) return new Set();
	const output = execFileSync(n8n.node, ['--no-warnings', '-e', QUERY, file, table, ...ids], { encoding: 'utf8' });
	return new Set(JSON.parse(output) as string[]);
}
