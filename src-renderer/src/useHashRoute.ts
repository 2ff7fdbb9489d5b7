import { useMemo, useSyncExternalStore } from 'react';
import { isRouteKey, routeHref, type RouteKey } from './routes';

// Hash routing keeps working when the app is loaded from a file:// URL in Electron.
// A route may carry parameters after it: #/marriage?draft=12.
function currentRoute(): RouteKey {
  const key = window.location.hash.replace(/^#\/?/, '').split('?')[0];
  return isRouteKey(key) ? key : 'home';
}

function currentQuery(): string {
  const hash = window.location.hash;
  const at = hash.indexOf('?');
  return at < 0 ? '' : hash.slice(at + 1);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useHashRoute(): RouteKey {
  return useSyncExternalStore(subscribe, currentRoute);
}

/** The current route's parameters (#/marriage?draft=12 → draft=12). */
export function useHashParams(): URLSearchParams {
  const query = useSyncExternalStore(subscribe, currentQuery);
  return useMemo(() => new URLSearchParams(query), [query]);
}

/** The address of a route with parameters: #/marriage?draft=12. */
export function routeHrefWith(route: RouteKey, params: Record<string, string | number> = {}): string {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
  return query ? `${routeHref(route)}?${query}` : routeHref(route);
}

export function navigate(route: RouteKey, params?: Record<string, string | number>): void {
  window.location.hash = routeHrefWith(route, params);
}
