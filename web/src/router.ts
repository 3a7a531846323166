import { useEffect, useState } from 'react';
import { cobuildHref, openDataHref, parseCobuildView, type CobuildView } from './cobuild/routes.ts';

/** The app's pages, addressed by the URL hash so any static server can serve the build. */
export type Route =
  | { page: 'login' }
  | { page: 'studies' }
  | { page: 'new-study' }
  | { page: 'study'; id: string; tab: StudyTab }
  | { page: 'map' }
  | { page: 'supply-chain' }
  | { page: 'cobuild'; view: CobuildView }
  | { page: 'open-data'; release?: string; q?: string }
  | { page: 'admin' }
  | { page: 'portfolio' }
  | { page: 'registry'; id?: string }
  | { page: 'verify'; id?: string }
  | { page: 'verification' }
  | { page: 'not-found'; hash: string };

export type StudyTab = 'inventory' | 'results';

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, third] = parts;
  if (parts.length === 0 || (first === 'studies' && parts.length === 1)) return { page: 'studies' };
  if (first === 'login' && parts.length === 1) return { page: 'login' };
  if (first === 'electricity-map' && parts.length === 1) return { page: 'map' };
  if (first === 'supply-chain' && parts.length === 1) return { page: 'supply-chain' };
  if (first === 'admin' && parts.length === 1) return { page: 'admin' };
  if (first === 'portfolio' && parts.length === 1) return { page: 'portfolio' };
  if (first === 'open-data' && parts.length <= 3) return { page: 'open-data', release: second, q: third };
  if (first === 'registry' && parts.length <= 2) return { page: 'registry', id: second };
  if (first === 'verify' && parts.length <= 2) return { page: 'verify', id: second };
  if (first === 'verification' && parts.length === 1) return { page: 'verification' };
  const view = first === 'cobuild' ? parseCobuildView(parts.slice(1)) : undefined;
  if (view) return { page: 'cobuild', view };
  if (first === 'studies' && second === 'new' && parts.length === 2) return { page: 'new-study' };
  if (first === 'studies' && second && parts.length === 2) return { page: 'study', id: second, tab: 'inventory' };
  if (first === 'studies' && second && third === 'results' && parts.length === 3)
    return { page: 'study', id: second, tab: 'results' };
  return { page: 'not-found', hash };
}

export function href(route: Exclude<Route, { page: 'not-found' }>): string {
  switch (route.page) {
    case 'login':
      return '#/login';
    case 'studies':
      return '#/studies';
    case 'new-study':
      return '#/studies/new';
    case 'map':
      return '#/electricity-map';
    case 'supply-chain':
      return '#/supply-chain';
    case 'admin':
      return '#/admin';
    case 'portfolio':
      return '#/portfolio';
    case 'cobuild':
      return cobuildHref(route.view);
    case 'open-data':
      return openDataHref(route.release, route.q);
    case 'registry':
      return route.id ? `#/registry/${encodeURIComponent(route.id)}` : '#/registry';
    case 'verify':
      return route.id ? `#/verify/${encodeURIComponent(route.id)}` : '#/verify';
    case 'verification':
      return '#/verification';
    case 'study':
      return `#/studies/${encodeURIComponent(route.id)}${route.tab === 'results' ? '/results' : ''}`;
  }
}

export function navigate(route: Exclude<Route, { page: 'not-found' }>): void {
  window.location.hash = href(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
