/** `npm run coverage:matrix`: writes test/emulator/COVERAGE.md. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { renderCoverage } from './render';

export { renderCoverage };

export const COVERAGE_FILE = path.join(__dirname, '..', 'COVERAGE.md');

if (require.main === module) {
	fs.writeFileSync(COVERAGE_FILE, renderCoverage());
	process.stdout.write(`wrote ${path.relative(process.cwd(), COVERAGE_FILE)}\n`);
}
