/** External links the app may open in the system browser; anything else is refused. */
const ALLOWED_HOSTS = new Set(['www.mca.gov.cn']);

export function isAllowedExternalLink(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && ALLOWED_HOSTS.has(url.hostname) && url.username === '' && url.password === '';
}
