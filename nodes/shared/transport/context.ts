import type {
	IExecuteFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
	ITriggerFunctions,
} from 'n8n-workflow';

/** Any n8n context the transport can be called from. */
export type DropboxContext = IExecuteFunctions | ILoadOptionsFunctions | ITriggerFunctions | IPollFunctions;
