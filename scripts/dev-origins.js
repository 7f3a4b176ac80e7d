/* global URL */
// Which origins the dev server answers cross-origin requests from. Excel on the web fetches the
// custom functions' metadata (functions.json) from the add-in's origin with XMLHttpRequest, from
// pages on Office's own hosts, so the dev server must allow those origins (Microsoft's templates send
// `Access-Control-Allow-Origin: *` for this). It allows exactly Office's hosts, over HTTPS, and names
// the origin it allows; every other origin gets no CORS header and so cannot read what it serves.

/** Office on the web's hosts: a page of one of them (or of a subdomain) may read the dev server. */
const OFFICE_HOSTS = [
  "officeapps.live.com",
  "office.com",
  "office365.com",
  "microsoft365.com",
  "sharepoint.com",
  "cloud.microsoft",
];

/** True for an https origin on one of Office's hosts ("https://excel.officeapps.live.com"). */
function isOfficeOrigin(origin) {
  if (typeof origin !== "string") return false;
  let url;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== "https:" || url.origin !== origin) return false;
  return OFFICE_HOSTS.some((h) => url.hostname === h || url.hostname.endsWith(`.${h}`));
}

/** The CORS headers for a request: the request's own origin when it is Office's, else none. */
function corsHeaders(req) {
  const origin = req && req.headers ? req.headers.origin : undefined;
  return isOfficeOrigin(origin) ? { "Access-Control-Allow-Origin": origin, Vary: "Origin" } : { Vary: "Origin" };
}

module.exports = { OFFICE_HOSTS, isOfficeOrigin, corsHeaders };
