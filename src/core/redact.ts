// Secrets must never reach logs, output channels or settings. Everything we log passes through here.
// SAS URLs carry their secret in the `sig` query parameter (and the `sv`..`se` fields describe what it grants);
// bearer tokens and account keys appear in error messages the SDKs build from requests.

const SAS_QUERY = /([?&](?:sig|se|st|sp|sv|sr|spr|skoid|sktid|skt|ske|sks|skv|sip|si)=)[^&#\s"'<>]*/gi;
const BEARER = /(bearer\s+)[A-Za-z0-9\-._~+/]+=*/gi;
const JWT = /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*/g;
const ACCOUNT_KEY = /(AccountKey=)[^;"'\s]+/gi;
const JSON_SECRET_FIELD = /("(?:accessSAS|securityDataAccessSAS|securityMetadataAccessSAS|accessToken|access_token|refresh_token|client_secret|password|value)"\s*:\s*")[^"]*(")/gi;

/** Returns `text` with SAS signatures, bearer tokens, JWTs and account keys replaced by `<redacted>`. */
export function redactSecrets(text: string): string {
  return text
    .replace(JSON_SECRET_FIELD, '$1<redacted>$2')
    .replace(SAS_QUERY, '$1<redacted>')
    .replace(BEARER, '$1<redacted>')
    .replace(JWT, '<redacted-jwt>')
    .replace(ACCOUNT_KEY, '$1<redacted>');
}

/** A URL safe to show: scheme, host and path, with the query (where a SAS lives) dropped. */
export function describeUrlWithoutSecrets(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}${u.search ? '?<redacted>' : ''}`;
  } catch {
    return redactSecrets(url);
  }
}
