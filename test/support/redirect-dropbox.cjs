'use strict';
/**
 * Sends every TLS connection to Dropbox (*.dropboxapi.com, www.dropbox.com) to the emulator instead,
 * keeping the original name for SNI and certificate checks, so clients run with production URLs.
 *
 *   NODE_OPTIONS="--require /path/to/redirect-dropbox.cjs" DROPBOX_EMULATOR_URL=https://127.0.0.1:PORT \
 *   NODE_EXTRA_CA_CERTS=/path/to/emulator-ca.pem node …
 *
 * `https`, `tls` and the built-in `fetch` all open their connections through `tls.connect`, looked up at
 * call time, so patching that one function covers them. In-process use: `require(…).install({url, ca})`.
 */
const tls = require('node:tls');
const fs = require('node:fs');

const DROPBOX_HOST = /^(?:[a-z0-9-]+\.)*dropboxapi\.com$|^(?:www\.)?dropbox\.com$/i;

const originalConnect = tls.connect;
/** @type {{host: string, port: number, ca: string | undefined} | undefined} */
let target;

function isDropboxHost(hostname) {
	return typeof hostname === 'string' && DROPBOX_HOST.test(hostname.replace(/\.$/, ''));
}

/** tls.connect(options[, cb]), tls.connect(port[, host][, options][, cb]), tls.connect(path[, options][, cb]). */
function normaliseArgs(args) {
	const list = [...args];
	const callback = typeof list[list.length - 1] === 'function' ? list.pop() : undefined;
	if (list[0] !== null && typeof list[0] === 'object') return { options: { ...list[0] }, callback };
	const options = {};
	if (typeof list[0] === 'number' || (typeof list[0] === 'string' && /^\d+$/.test(list[0]))) {
		options.port = Number(list[0]);
		if (typeof list[1] === 'string') {
			options.host = list[1];
			Object.assign(options, list[2]);
		} else Object.assign(options, list[1]);
	} else return undefined; // a Unix socket path: never Dropbox
	return { options, callback };
}

function redirectedConnect(...args) {
	const normalised = target ? normaliseArgs(args) : undefined;
	if (!normalised) return originalConnect.apply(this, args);
	const { options, callback } = normalised;
	const hostname = options.servername || options.host || options.hostname;
	// A connection over an existing socket (a proxy tunnel) is not ours to move.
	if (!isDropboxHost(hostname) || options.socket) return originalConnect.apply(this, args);
	options.servername = hostname;
	options.host = target.host;
	options.port = target.port;
	delete options.hostname;
	delete options.path;
	if (target.ca) options.ca = [...toList(options.ca), target.ca];
	return callback ? originalConnect.call(this, options, callback) : originalConnect.call(this, options);
}

function toList(ca) {
	if (ca === undefined || ca === null) return [];
	return Array.isArray(ca) ? ca : [ca];
}

function readCa(caOrPath) {
	if (!caOrPath) return undefined;
	const text = String(caOrPath);
	return text.includes('-----BEGIN') ? text : fs.readFileSync(text, 'utf8');
}

/**
 * Redirects Dropbox connections of this process to `url` (the emulator), trusting `ca` (PEM text or a
 * path) for those connections only. Answers a function that undoes it.
 */
function install({ url, ca }) {
	const parsed = new URL(url);
	target = { host: parsed.hostname, port: Number(parsed.port || 443), ca: readCa(ca) };
	tls.connect = redirectedConnect;
	return uninstall;
}

function uninstall() {
	target = undefined;
	if (tls.connect === redirectedConnect) tls.connect = originalConnect;
}

if (process.env.DROPBOX_EMULATOR_URL) {
	install({
		url: process.env.DROPBOX_EMULATOR_URL,
		ca: process.env.DROPBOX_EMULATOR_CA || process.env.NODE_EXTRA_CA_CERTS,
	});
}

module.exports = { install, uninstall, isDropboxHost };
