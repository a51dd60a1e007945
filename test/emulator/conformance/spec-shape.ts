/** Checks an answer against the API specification's own type (fields, types, no unknown fields). */
import { typeOf, validateValue } from '../stone';

export function expectOfType(namespace: string, typeName: string, value: unknown): void {
	const check = validateValue(typeOf(namespace, typeName), value);
	if (!check.ok) throw new Error(`not a ${namespace}.${typeName}: ${check.message}`);
}
