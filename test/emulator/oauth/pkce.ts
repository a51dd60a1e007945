/** PKCE (RFC 7636): does a code_verifier match the challenge sent to the authorize page? */
import { createHash } from 'node:crypto';

export function verifierMatches(verifier: string, challenge: string, method: 'S256' | 'plain'): boolean {
	if (method === 'plain') return verifier === challenge;
	return createHash('sha256').update(verifier).digest('base64url') === challenge;
}
