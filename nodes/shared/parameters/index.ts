/**
 * The parameters every Dropbox Suite node shares: each file holds one parameter's description and the
 * function that reads it, so the action node, its list searches and the triggers read them the same way.
 */
export * from './authentication';
export * from './binaryOutput';
export * from './contentInput';
export * from './destinationPath';
export * from './dropboxTimestamp';
export * from './dropboxUrl';
export * from './pathLocator';
export * from './requiredText';
export * from './returnAll';
export * from './space';
