// Stands in for Node's `crypto` in browser bundles. kdbxweb (the KDBX import) requires it only
// as a fallback for when WebCrypto is missing, which never happens in a browser; without this
// alias the bundler ships crypto-browserify, whose asn1.js tries eval() at load and trips the
// Content Security Policy (script-src has no 'unsafe-eval').
export {};
