/** Types of redirect-dropbox.cjs (plain CommonJS so that `node --require` can load it anywhere). */
export declare function install(target: { url: string; ca?: string }): () => void;
export declare function uninstall(): void;
export declare function isDropboxHost(hostname: string): boolean;
