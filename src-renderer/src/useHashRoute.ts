import { useSyncExternalStore } from 'react';
import { isRouteKey, routeHref, type RouteKey } from './routes';

// Hash routing keeps working when the app is loaded from a file:// URL in Electron.
function currentRoute(): RouteKey {
  const key = window.location.hash.replace(/^#\/?/, '');
  return isRouteKey(key) ? key : 'home';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useHashRoute(): RouteKey {
  return useSyncExternalStore(subscribe, currentRoute);
}

export function navigate(route: RouteKey): void {
  window.location.hash = routeHref(route);
}
