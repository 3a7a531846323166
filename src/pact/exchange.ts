import type { Store } from '../store/index.ts';
import { FootprintCatalog } from './catalog.ts';
import { TokenCache } from './credentials.ts';
import { PactEvents } from './events.ts';

/** What the PACT host and the app's PACT routes share in one process: the footprint catalog, the token cache, the events. */
export class PactExchange {
  readonly catalog: FootprintCatalog;
  readonly tokens: TokenCache;
  readonly events: PactEvents;
  /** this process's PACT host, once it listens: its URL and the certificate partners should trust */
  host: { url: string; certificate: string } | undefined;

  constructor(readonly store: Store) {
    this.catalog = new FootprintCatalog(store);
    this.tokens = new TokenCache(store);
    this.events = new PactEvents(store, this.catalog);
  }
}
