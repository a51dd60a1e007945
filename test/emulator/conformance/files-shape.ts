/** Checks an answer against its type in the API specification (files namespace unless qualified). */
import { typeOf, validateValue } from '../stone';

export function expectSpecShape(typeName: string, value: unknown): void {
	const [namespace, name] = typeName.includes('.') ? typeName.split('.') : ['files', typeName];
	const outcome = validateValue(typeOf(namespace, name), value);
	if (!outcome.ok) throw new Error(`${typeName}: ${outcome.message}\n${JSON.stringify(value, null, 1)}`);
}
