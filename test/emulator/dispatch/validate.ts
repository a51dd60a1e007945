/**
 * Type-checks a route argument against the Stone spec. The validator lives in ../stone (written
 * alongside); until it is there, arguments pass through unchanged so the platform can run on its own.
 */
import type { RouteSpec } from '../contract';

export type ValidationResult = { ok: true; value: unknown } | { ok: false; message: string };
type Validator = (route: RouteSpec, value: unknown) => ValidationResult;

let validator: Validator | undefined;

function loadValidator(): Validator {
	if (validator) return validator;
	try {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const stone = require('../stone') as { validateRouteArg?: Validator };
		if (typeof stone.validateRouteArg === 'function') validator = stone.validateRouteArg;
	} catch (error) {
		if (!isModuleNotFound(error)) throw error;
	}
	return validator ?? ((_route, value) => ({ ok: true, value }));
}

function isModuleNotFound(error: unknown): boolean {
	return (error as { code?: string }).code === 'MODULE_NOT_FOUND';
}

export function validateArgument(route: RouteSpec, value: unknown): ValidationResult {
	return loadValidator()(route, value);
}
