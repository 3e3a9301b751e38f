/** The Content-Security-Policy of the built pages: nothing but our own origin. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "font-src 'self'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
