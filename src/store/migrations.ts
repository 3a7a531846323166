import type { Queryable, Store } from './connection.ts';

/**
 * The schema as an ordered list of migrations. A migration, once released, is never edited:
 * a change is a new entry at the end. Each store records what it has applied in
 * schema_migrations; `migrate` applies the rest in one transaction, so a store is always at
 * exactly one version.
 */

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

/** Release contents are only ever inserted; these tables refuse UPDATE and DELETE. */
const IMMUTABLE = ['releases', 'unit_groups', 'flow_properties', 'flows', 'datasets', 'factors', 'import_log'];

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'releases of LCI databases and factors',
    sql: `
CREATE TABLE databases (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- a release is a numbered, immutable snapshot: an LCI database, factors, or both
CREATE TABLE releases (
  id serial PRIMARY KEY,
  number text NOT NULL UNIQUE CHECK (number <> ''),
  database_id integer REFERENCES databases (id),
  -- LciDatabase.origin: format and file the contents were imported from
  origin text,
  -- the publication the release is (title, publisher, document number, URL), and its licence
  source jsonb,
  licence text,
  notes text,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- bodies are the model objects as JSON, so a release loads back exactly as it was saved;
-- position keeps the order; the other columns are copies for querying
CREATE TABLE unit_groups (
  release_id integer NOT NULL REFERENCES releases (id),
  position integer NOT NULL,
  unit_group_id text NOT NULL,
  name text NOT NULL,
  body jsonb NOT NULL,
  PRIMARY KEY (release_id, position),
  UNIQUE (release_id, unit_group_id)
);

CREATE TABLE flow_properties (
  release_id integer NOT NULL REFERENCES releases (id),
  position integer NOT NULL,
  flow_property_id text NOT NULL,
  name text NOT NULL,
  body jsonb NOT NULL,
  PRIMARY KEY (release_id, position),
  UNIQUE (release_id, flow_property_id)
);

CREATE TABLE flows (
  release_id integer NOT NULL REFERENCES releases (id),
  position integer NOT NULL,
  flow_id text NOT NULL,
  name text NOT NULL,
  kind text NOT NULL,
  body jsonb NOT NULL,
  PRIMARY KEY (release_id, position),
  UNIQUE (release_id, flow_id)
);

-- one row per unit process
CREATE TABLE datasets (
  release_id integer NOT NULL REFERENCES releases (id),
  position integer NOT NULL,
  process_id text NOT NULL,
  name text NOT NULL,
  location text,
  category text NOT NULL,
  valid_from text,
  valid_until text,
  -- the record it was imported from, "<file>:<entry>"
  source text NOT NULL,
  -- the Process without its exchanges
  body jsonb NOT NULL,
  -- its exchanges, packed (see packed-exchanges.ts): text, because PGlite returns text several
  -- times faster than json, and loading a large release into the engine is bound by this column
  exchanges text NOT NULL,
  PRIMARY KEY (release_id, position),
  UNIQUE (release_id, process_id)
);

CREATE TABLE factors (
  release_id integer NOT NULL REFERENCES releases (id),
  position integer NOT NULL,
  factor_id text NOT NULL,
  kind text NOT NULL,
  name text NOT NULL,
  name_zh text,
  region text NOT NULL,
  year integer NOT NULL,
  value double precision NOT NULL,
  unit text NOT NULL,
  status text NOT NULL,
  licence text NOT NULL,
  body jsonb NOT NULL,
  PRIMARY KEY (release_id, position),
  UNIQUE (release_id, factor_id)
);
CREATE INDEX factors_kind_region_year ON factors (kind, region, year);

-- successful saves only: a failed one rolls back with everything else
CREATE TABLE import_log (
  id serial PRIMARY KEY,
  release_id integer NOT NULL REFERENCES releases (id),
  origin text,
  processes integer NOT NULL,
  flows integer NOT NULL,
  factors integer NOT NULL,
  seconds double precision NOT NULL,
  host text NOT NULL,
  pid integer NOT NULL,
  finished_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION tanji_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'releases are immutable: % on % refused', TG_OP, TG_TABLE_NAME;
END
$$;
${IMMUTABLE.map((t) => `CREATE TRIGGER ${t}_immutable BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION tanji_refuse_change();`).join('\n')}
`,
  },
  {
    id: 2,
    name: 'companies, users, sessions, studies with versions and audit, jobs',
    sql: `
CREATE TABLE companies (
  id text PRIMARY KEY,
  name text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id text PRIMARY KEY,
  email text NOT NULL UNIQUE CHECK (email = lower(email)),
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('enterprise', 'steward', 'verifier', 'admin', 'public')),
  company_id text REFERENCES companies (id),
  -- scrypt$N$r$p$salt$hash, never the password
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (role NOT IN ('enterprise') OR company_id IS NOT NULL)
);

-- only a hash of the token is kept, so a leaked table does not leak sessions
CREATE TABLE sessions (
  token_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE studies (
  id text PRIMARY KEY,
  company_id text NOT NULL REFERENCES companies (id),
  latest_version integer NOT NULL,
  created_by text NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX studies_company ON studies (company_id);

-- every save is a new version; versions are never changed
CREATE TABLE study_versions (
  study_id text NOT NULL REFERENCES studies (id),
  version integer NOT NULL,
  body jsonb NOT NULL,
  created_by text NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  comment text,
  PRIMARY KEY (study_id, version)
);

CREATE TABLE study_verifiers (
  study_id text NOT NULL REFERENCES studies (id),
  user_id text NOT NULL REFERENCES users (id),
  granted_by text NOT NULL REFERENCES users (id),
  granted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (study_id, user_id)
);

CREATE TABLE study_results (
  study_id text NOT NULL REFERENCES studies (id),
  version integer NOT NULL,
  computed_at timestamptz NOT NULL DEFAULT now(),
  result jsonb NOT NULL,
  PRIMARY KEY (study_id, version)
);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id text REFERENCES users (id),
  company_id text REFERENCES companies (id),
  study_id text REFERENCES studies (id),
  action text NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_study ON audit_log (study_id, at);

CREATE TABLE jobs (
  id text PRIMARY KEY,
  kind text NOT NULL,
  study_id text REFERENCES studies (id),
  user_id text NOT NULL REFERENCES users (id),
  state text NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
  progress real NOT NULL DEFAULT 0,
  message text NOT NULL DEFAULT '',
  error text,
  params jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
${['study_versions', 'audit_log'].map((t) => `CREATE TRIGGER ${t}_immutable BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION tanji_refuse_change();`).join('\n')}
`,
  },
  {
    id: 3,
    name: 'dataset documentation apart from the body the engine needs',
    // the description and provenance texts were most of what loading a release into the engine parsed
    sql: `
ALTER TABLE datasets ADD COLUMN documentation jsonb NOT NULL DEFAULT '{}';
ALTER TABLE datasets DISABLE TRIGGER datasets_immutable;
UPDATE datasets SET documentation = jsonb_strip_nulls(jsonb_build_object('description', body->'description', 'provenance', body->'provenance')),
                    body = body - 'description' - 'provenance';
ALTER TABLE datasets ENABLE TRIGGER datasets_immutable;
`,
  },
  {
    id: 4,
    name: 'dataset exchanges as binary numbers, sparse details and shared id lists',
    // parsing a million amounts and exchange ids from JSON text was most of loading a large release
    // into the engine; the rows saved before are converted here to what packed-exchanges.ts reads
    sql: `
CREATE TABLE exchange_id_lists (
  release_id integer NOT NULL REFERENCES releases (id),
  list integer NOT NULL,
  -- a JSON array of exchange ids, shared by every dataset of the release that has them
  ids text NOT NULL,
  PRIMARY KEY (release_id, list)
);
CREATE TRIGGER exchange_id_lists_immutable BEFORE UPDATE OR DELETE ON exchange_id_lists FOR EACH ROW EXECUTE FUNCTION tanji_refuse_change();

-- each old row's parts, parsed once; json (not jsonb) keeps every number's text as it was written
CREATE TEMP TABLE exchange_parts AS
SELECT d.release_id, d.position, r.*
FROM datasets d, json_to_record(d.exchanges::json) AS r(id json, flow json, amount json, flags json, provider json, original json, uncertainty json, pedigree json);
-- id lists numbered as a save numbers them: in the order they are first met
CREATE TEMP TABLE exchange_id_map AS
SELECT release_id, position, ids, (dense_rank() OVER (PARTITION BY release_id ORDER BY first) - 1)::int AS list
FROM (SELECT release_id, position, id::text AS ids, min(position) OVER (PARTITION BY release_id, id::text) AS first FROM exchange_parts WHERE id IS NOT NULL) f;
INSERT INTO exchange_id_lists (release_id, list, ids) SELECT DISTINCT ON (release_id, list) release_id, list, ids FROM exchange_id_map ORDER BY release_id, list;

ALTER TABLE datasets ADD COLUMN exchange_numbers text NOT NULL DEFAULT '', ADD COLUMN exchange_details text NOT NULL DEFAULT '{}',
  ADD COLUMN exchange_ids integer, ADD FOREIGN KEY (release_id, exchange_ids) REFERENCES exchange_id_lists (release_id, list);
ALTER TABLE datasets DISABLE TRIGGER datasets_immutable;
UPDATE datasets d SET exchange_numbers = c.numbers, exchange_details = c.details, exchange_ids = c.list
FROM (
  SELECT x.release_id, x.position, m.list,
    translate(encode(
      coalesce((SELECT string_agg(float8send(v::text::float8), ''::bytea ORDER BY i) FROM json_array_elements(x.amount) WITH ORDINALITY a(v, i)), ''::bytea) ||
      coalesce((SELECT string_agg(int4send(CASE json_typeof(v) WHEN 'number' THEN v::text::int ELSE -1 END), ''::bytea ORDER BY i) FROM json_array_elements(x.flow) WITH ORDINALITY a(v, i)), ''::bytea) ||
      coalesce((SELECT string_agg(set_byte(decode('00', 'hex'), 0, v::text::int), ''::bytea ORDER BY i) FROM json_array_elements(x.flags) WITH ORDINALITY a(v, i)), ''::bytea),
      'base64'), chr(10), '') AS numbers,
    '{' || concat_ws(',',
      (SELECT '"flow":[' || string_agg('[' || (i - 1) || ',' || v::text || ']', ',' ORDER BY i) || ']'
         FROM json_array_elements(x.flow) WITH ORDINALITY a(v, i) WHERE json_typeof(v) = 'string'),
      (SELECT '"provider":[' || string_agg('[' || (v->>0) || ',' ||
                coalesce((SELECT p.position::text FROM datasets p WHERE p.release_id = x.release_id AND p.process_id = v->>1), (v->1)::text) || ']', ',' ORDER BY i) || ']'
         FROM json_array_elements(x.provider) WITH ORDINALITY a(v, i)),
      '"original":' || x.original::text,
      '"uncertainty":' || x.uncertainty::text,
      '"pedigree":' || x.pedigree::text
    ) || '}' AS details
  FROM exchange_parts x LEFT JOIN exchange_id_map m ON m.release_id = x.release_id AND m.position = x.position
) c
WHERE d.release_id = c.release_id AND d.position = c.position;
ALTER TABLE datasets ENABLE TRIGGER datasets_immutable;
ALTER TABLE datasets DROP COLUMN exchanges;
ALTER TABLE datasets ALTER COLUMN exchange_numbers DROP DEFAULT, ALTER COLUMN exchange_details DROP DEFAULT;
DROP TABLE exchange_parts, exchange_id_map;
`,
  },
  {
    id: 5,
    name: 'PACT exchange: verifications, published footprints, partner connections, tokens, events, received footprints',
    sql: `
-- a verifier's sign-off on one calculated result of a study: publishing needs one
CREATE TABLE study_verifications (
  study_id text NOT NULL REFERENCES studies (id),
  version integer NOT NULL,
  computed_at timestamptz NOT NULL,
  verifier_id text NOT NULL REFERENCES users (id),
  statement text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (study_id, version, verifier_id)
);

-- a company's trading partner: the credentials it gives the partner to pull from us, and the
-- partner's own host with the credentials the partner gave us (to pull from it, answer its requests)
CREATE TABLE pact_connections (
  id text PRIMARY KEY,
  company_id text NOT NULL REFERENCES companies (id),
  name text NOT NULL CHECK (name <> ''),
  client_id text NOT NULL UNIQUE,
  -- SHA-256 of a 256-bit random secret: a slow password hash adds nothing to that much entropy
  secret_hash text NOT NULL,
  -- product URNs the partner may see; empty means every footprint the company publishes
  products text[] NOT NULL DEFAULT '{}',
  partner_url text,
  partner_client_id text,
  partner_secret text,
  -- PEM certificate to trust for the partner's host (a self-signed one), beside the system CAs
  partner_ca text,
  created_by text REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  UNIQUE (company_id, name)
);

CREATE TABLE pact_tokens (
  token_hash text PRIMARY KEY,
  connection_id text NOT NULL REFERENCES pact_connections (id),
  expires_at timestamptz NOT NULL
);

-- ProductFootprints a company publishes, in both Tech Spec versions; seq orders pagination and
-- only grows, so an offset link returns the same page for as long as nothing is published between
CREATE TABLE pact_footprints (
  seq bigserial UNIQUE,
  id uuid PRIMARY KEY,
  company_id text NOT NULL REFERENCES companies (id),
  study_id text REFERENCES studies (id),
  study_version integer,
  product_ids text[] NOT NULL,
  status text NOT NULL CHECK (status IN ('Active', 'Deprecated')),
  created timestamptz NOT NULL,
  updated timestamptz,
  v3 jsonb NOT NULL,
  -- null when the footprint cannot be written in v2.3 (e.g. no UN CPC code)
  v2 jsonb,
  published_by text REFERENCES users (id)
);
CREATE INDEX pact_footprints_company ON pact_footprints (company_id, seq);

-- every event exchanged with a partner, either way, and what became of it
CREATE TABLE pact_events (
  id bigserial PRIMARY KEY,
  direction text NOT NULL CHECK (direction IN ('in', 'out')),
  connection_id text NOT NULL REFERENCES pact_connections (id),
  spec text NOT NULL CHECK (spec IN ('2.3', '3.0')),
  event_id text NOT NULL,
  type text NOT NULL,
  body jsonb NOT NULL,
  state text NOT NULL,
  -- for a request: the answer's event id and type; for an answer: the request it answers
  answer jsonb,
  error text,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pact_events_lookup ON pact_events (connection_id, event_id);
CREATE INDEX pact_events_due ON pact_events (state, next_attempt_at);

-- suppliers' footprints a company received, each exactly as it arrived and with where it came from
CREATE TABLE pact_received (
  id text PRIMARY KEY,
  company_id text NOT NULL REFERENCES companies (id),
  connection_id text NOT NULL REFERENCES pact_connections (id),
  pf_id text NOT NULL,
  spec text NOT NULL CHECK (spec IN ('2.3', '3.0')),
  product_ids text[] NOT NULL,
  document jsonb NOT NULL,
  source_url text NOT NULL,
  via text NOT NULL CHECK (via IN ('sync', 'async', 'published')),
  request_event_id text,
  received_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (company_id, pf_id, spec)
);
`,
  },
  {
    id: 6,
    name: 'co-construction: submissions with versions, reviews, comments, notifications, aggregates, co-built releases',
    sql: `
-- one dataset a company submits; the row is the head (state, reviewer, latest version), the
-- versions below are immutable, so every superseded version stays readable
CREATE TABLE cobuild_submissions (
  id text PRIMARY KEY,
  company_id text NOT NULL REFERENCES companies (id),
  kind text NOT NULL CHECK (kind IN ('factor', 'process')),
  -- the product it describes (factor series, process reference flow): what is compared and averaged
  product_key text NOT NULL,
  dataset_id text NOT NULL,
  name text NOT NULL,
  region text,
  year integer,
  sharing text NOT NULL CHECK (sharing IN ('confidential', 'public')),
  state text NOT NULL CHECK (state IN ('submitted', 'under-review', 'changes-requested', 'approved', 'rejected')),
  latest_version integer NOT NULL,
  reviewer_id text REFERENCES users (id),
  -- api, web, or the uploaded file's name
  origin text NOT NULL,
  created_by text NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cobuild_submissions_company ON cobuild_submissions (company_id);
CREATE INDEX cobuild_submissions_product ON cobuild_submissions (product_key, state);

CREATE TABLE cobuild_versions (
  submission_id text NOT NULL REFERENCES cobuild_submissions (id),
  version integer NOT NULL,
  dataset jsonb NOT NULL,
  meta jsonb NOT NULL,
  validation jsonb NOT NULL,
  created_by text NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  comment text,
  PRIMARY KEY (submission_id, version)
);

-- on the whole dataset (field NULL) or one field of it ("factor.value", "process.exchanges[3].amount")
CREATE TABLE cobuild_comments (
  id bigserial PRIMARY KEY,
  submission_id text NOT NULL REFERENCES cobuild_submissions (id),
  version integer NOT NULL,
  field text,
  body text NOT NULL CHECK (body <> ''),
  author_id text NOT NULL REFERENCES users (id),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cobuild_comments_submission ON cobuild_comments (submission_id, id);

CREATE TABLE cobuild_events (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id text REFERENCES users (id),
  company_id text REFERENCES companies (id),
  submission_id text REFERENCES cobuild_submissions (id),
  aggregate_id text,
  release text,
  action text NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX cobuild_events_submission ON cobuild_events (submission_id, id);

CREATE TABLE cobuild_notifications (
  id bigserial PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id),
  at timestamptz NOT NULL DEFAULT now(),
  kind text NOT NULL,
  params jsonb NOT NULL DEFAULT '{}',
  submission_id text REFERENCES cobuild_submissions (id),
  read_at timestamptz
);
CREATE INDEX cobuild_notifications_user ON cobuild_notifications (user_id, id);

-- an average a steward built; members (who contributed what weight) never leave the stewards' API
CREATE TABLE cobuild_aggregates (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('factor', 'process')),
  product_key text NOT NULL,
  dataset_id text NOT NULL,
  name text NOT NULL,
  region text NOT NULL,
  year integer NOT NULL,
  dataset jsonb NOT NULL,
  stats jsonb NOT NULL,
  members jsonb NOT NULL,
  contributors integer NOT NULL,
  created_by text NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE cobuild_releases (
  release text PRIMARY KEY REFERENCES releases (number),
  base_factors text,
  base_lci text,
  notes jsonb NOT NULL,
  published_by text NOT NULL REFERENCES users (id),
  published_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE cobuild_release_items (
  release text NOT NULL REFERENCES cobuild_releases (release),
  position integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('submission', 'aggregate')),
  dataset_type text NOT NULL,
  dataset_id text NOT NULL,
  submission_id text REFERENCES cobuild_submissions (id),
  version integer,
  aggregate_id text REFERENCES cobuild_aggregates (id),
  PRIMARY KEY (release, position)
);

CREATE TABLE cobuild_settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_by text REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- public studies (no company's data) that release notes recalculate to show a release's effect
CREATE TABLE cobuild_benchmarks (
  id text PRIMARY KEY,
  name text NOT NULL,
  study jsonb NOT NULL,
  created_by text NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
${['cobuild_versions', 'cobuild_comments', 'cobuild_events', 'cobuild_aggregates', 'cobuild_releases', 'cobuild_release_items'].map((t) => `CREATE TRIGGER ${t}_immutable BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION tanji_refuse_change();`).join('\n')}
`,
  },
  {
    id: 7,
    name: 'many processes on one database: a leased job queue, immutable results by hash, sign-offs of a result, shared login throttle and instance settings',
    sql: `
-- jobs are a queue: a worker claims a row (FOR UPDATE SKIP LOCKED) and holds it by a lease it
-- renews; a lease that runs out makes the job claimable again until max_attempts is spent
ALTER TABLE jobs ALTER COLUMN user_id DROP NOT NULL;
ALTER TABLE jobs
  ADD COLUMN attempts integer NOT NULL DEFAULT 0,
  ADD COLUMN max_attempts integer NOT NULL DEFAULT 3 CHECK (max_attempts > 0),
  ADD COLUMN run_after timestamptz NOT NULL DEFAULT now(),
  ADD COLUMN lease_until timestamptz,
  ADD COLUMN worker text,
  ADD COLUMN started_at timestamptz,
  -- what the handler returned (a calculation: the result's hash)
  ADD COLUMN output jsonb;
CREATE INDEX jobs_queued ON jobs (run_after) WHERE state = 'queued';
CREATE INDEX jobs_leased ON jobs (lease_until) WHERE state = 'running';
-- jobs the in-process queue left behind still have their kind, study and parameters: run them again
UPDATE jobs SET state = 'queued', message = 'queued again after an upgrade' WHERE state IN ('queued', 'running');

-- a result is immutable and named by the SHA-256 of its RFC 8785 canonical JSON ('jcs'); results
-- saved before this migration are named by the SHA-256 of their stored jsonb text ('jsonb-text')
CREATE TABLE results (
  hash text PRIMARY KEY CHECK (hash ~ '^[0-9a-f]{64}$'),
  hashed text NOT NULL DEFAULT 'jcs' CHECK (hashed IN ('jcs', 'jsonb-text')),
  study_id text NOT NULL REFERENCES studies (id),
  version integer NOT NULL,
  body jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX results_study ON results (study_id, version);
CREATE TRIGGER results_immutable BEFORE UPDATE OR DELETE ON results FOR EACH ROW EXECUTE FUNCTION tanji_refuse_change();

-- which result is current for a study version; moving it never changes a result
CREATE TABLE study_result_heads (
  study_id text NOT NULL REFERENCES studies (id),
  version integer NOT NULL,
  hash text NOT NULL REFERENCES results (hash),
  set_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (study_id, version)
);
INSERT INTO results (hash, hashed, study_id, version, body, created_at)
  SELECT encode(sha256(convert_to(result::text, 'UTF8')), 'hex'), 'jsonb-text', study_id, version, result, computed_at FROM study_results
  ON CONFLICT DO NOTHING;
INSERT INTO study_result_heads (study_id, version, hash, set_at)
  SELECT study_id, version, encode(sha256(convert_to(result::text, 'UTF8')), 'hex'), computed_at FROM study_results;
-- sign-offs name the result they cover and are never overwritten: a new statement is a new row
ALTER TABLE study_verifications ADD COLUMN result_hash text REFERENCES results (hash);
-- an old sign-off names the result it covered only when that result is still the version's current one
UPDATE study_verifications v SET result_hash = h.hash FROM study_result_heads h JOIN results r ON r.hash = h.hash
  WHERE h.study_id = v.study_id AND h.version = v.version AND (r.body->>'computedAt')::timestamptz = v.computed_at;
ALTER TABLE study_verifications DROP CONSTRAINT study_verifications_pkey;
ALTER TABLE study_verifications ADD COLUMN id bigserial PRIMARY KEY;
CREATE INDEX study_verifications_result ON study_verifications (study_id, version, result_hash);
CREATE TRIGGER study_verifications_immutable BEFORE UPDATE OR DELETE ON study_verifications FOR EACH ROW EXECUTE FUNCTION tanji_refuse_change();
ALTER TABLE pact_footprints ADD COLUMN result_hash text REFERENCES results (hash);
UPDATE pact_footprints f SET result_hash = h.hash FROM study_result_heads h WHERE h.study_id = f.study_id AND h.version = f.study_version;
DROP TABLE study_results;
-- the former table's shape, for readers: the current result of each calculated version
CREATE VIEW study_results AS
  SELECT h.study_id, h.version, r.created_at AS computed_at, r.body AS result, h.hash
    FROM study_result_heads h JOIN results r ON r.hash = h.hash;

-- wrong passwords per (email, client address) and the addresses an email signed in from, shared
-- by every server: a stranger's guesses block only the stranger
CREATE TABLE login_failures (
  email text NOT NULL,
  client text NOT NULL,
  failures integer NOT NULL,
  since timestamptz NOT NULL,
  PRIMARY KEY (email, client)
);
CREATE TABLE login_clients (
  email text NOT NULL,
  client text NOT NULL,
  last_at timestamptz NOT NULL,
  PRIMARY KEY (email, client)
);

-- one value per instance that every process must share (the PACT host's self-signed certificate)
CREATE TABLE instance_settings (
  key text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
`,
  },
  {
    id: 10,
    name: 'quality screen of each LCI release',
    sql: `
-- what the quality screen (src/screen) found when the release was saved; written once, in the
-- release's own transaction, so a release is never used before it is screened
CREATE TABLE release_screens (
  release_id integer PRIMARY KEY REFERENCES releases (id),
  screened_at timestamptz NOT NULL DEFAULT now(),
  -- ids of the processes left out of default search and study use
  quarantined text[] NOT NULL,
  -- the report: findings with codes and params, counts, loops, the rules and limits applied
  report jsonb NOT NULL
);
CREATE TRIGGER release_screens_immutable BEFORE UPDATE OR DELETE ON release_screens FOR EACH ROW EXECUTE FUNCTION tanji_refuse_change();
`,
  },
  {
    id: 12,
    name: 'labels: signing keys, grade benchmarks, verification requests, signed labels, the append-only registry log',
    sql: `
-- Ed25519 keys: a verifier organisation's (purpose verifier) or the registry's (company NULL); the
-- PKCS#8 private key is sealed with AES-256-GCM under the master key (src/labels/keys.ts)
CREATE TABLE signing_keys (
  did text PRIMARY KEY,
  purpose text NOT NULL CHECK (purpose IN ('verifier', 'registry')),
  company_id text REFERENCES companies (id),
  sealed_key jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  retired_at timestamptz,
  CHECK ((purpose = 'registry') = (company_id IS NULL))
);
CREATE UNIQUE INDEX signing_keys_live ON signing_keys (purpose, coalesce(company_id, '')) WHERE retired_at IS NULL;

-- the master key kept in the store, used only when TANJI_KEY_ENCRYPTION_KEY is not configured
CREATE TABLE key_encryption_keys (
  id integer PRIMARY KEY CHECK (id = 1),
  key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- category benchmarks as stewards publish them; a new version never replaces an old one
CREATE TABLE grade_benchmarks (
  id text NOT NULL,
  version integer NOT NULL,
  body text NOT NULL,
  -- the publishing user's id; no foreign key: an immutable record outlives the account (its name is in the body)
  published_by text NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, version)
);

-- a practitioner asks a verifier to check and sign one study version
CREATE TABLE verification_requests (
  id text PRIMARY KEY,
  study_id text NOT NULL REFERENCES studies (id),
  version integer NOT NULL,
  company_id text NOT NULL REFERENCES companies (id),
  requested_by text NOT NULL REFERENCES users (id),
  verifier_id text NOT NULL REFERENCES users (id),
  benchmark text,
  message text NOT NULL DEFAULT '',
  state text NOT NULL CHECK (state IN ('open', 'signed', 'declined')),
  label_id text,
  reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  decided_at timestamptz
);
CREATE INDEX verification_requests_verifier ON verification_requests (verifier_id, state);
CREATE INDEX verification_requests_study ON verification_requests (study_id);

-- a signed label: the credential exactly as signed, and copies of its fields for the public search;
-- status moves active -> superseded | revoked, and the registry log records every move
CREATE TABLE labels (
  id text PRIMARY KEY,
  study_id text NOT NULL REFERENCES studies (id),
  study_version integer NOT NULL,
  company_id text NOT NULL REFERENCES companies (id),
  issuer_did text NOT NULL REFERENCES signing_keys (did),
  signed_by text NOT NULL REFERENCES users (id),
  credential text NOT NULL,
  credential_hash text NOT NULL,
  product text NOT NULL,
  company text NOT NULL,
  category text,
  pcr text NOT NULL,
  region text NOT NULL,
  grade text,
  value float8 NOT NULL,
  declared_unit text NOT NULL,
  valid_from timestamptz NOT NULL,
  valid_until timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN ('active', 'superseded', 'revoked')),
  status_reason text,
  status_at timestamptz,
  superseded_by text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX labels_study ON labels (study_id);
CREATE INDEX labels_issuer ON labels (issuer_did, status);

-- the registry's append-only log: each entry names the hash of the one before (src/labels/registry.ts)
CREATE TABLE registry_log (
  seq integer PRIMARY KEY,
  entry text NOT NULL,
  hash text NOT NULL,
  at timestamptz NOT NULL DEFAULT now()
);
${['grade_benchmarks', 'registry_log'].map((t) => `CREATE TRIGGER ${t}_immutable BEFORE UPDATE OR DELETE ON ${t} FOR EACH ROW EXECUTE FUNCTION tanji_refuse_change();`).join('\n')}
`,
  },
  {
    id: 14,
    name: 'organisations have a kind: enterprise, verification body, association, institute',
    sql: `
ALTER TABLE companies ADD COLUMN kind text NOT NULL DEFAULT 'enterprise' CHECK (kind IN ('enterprise', 'verification-body', 'association', 'institute'));
`,
  },
  {
    id: 15,
    name: 'every background kind of work is a job: the job that published a release, stored PDF reports, PACT deliveries by job',
    sql: `
-- the job that published a release: a retry of that job after its worker died finds it and does nothing
ALTER TABLE cobuild_releases ADD COLUMN job_id text UNIQUE;

-- a study report printed as PDF, stored once per result, language and what else the report shows
-- (its verification statements and company name): key is the SHA-256 of those inputs
CREATE TABLE report_files (
  key text PRIMARY KEY CHECK (key ~ '^[0-9a-f]{64}$'),
  study_id text NOT NULL REFERENCES studies (id),
  result_hash text NOT NULL REFERENCES results (hash),
  lang text NOT NULL CHECK (lang IN ('zh', 'en')),
  -- base64: PGlite moves bytea as hex one byte at a time
  pdf text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX report_files_study ON report_files (study_id);
CREATE TRIGGER report_files_immutable BEFORE UPDATE OR DELETE ON report_files FOR EACH ROW EXECUTE FUNCTION tanji_refuse_change();
`,
  },
  {
    id: 16,
    name: 'job messages as code and params',
    // the message column keeps the English text for logs; the coded one renders in the reader's language
    sql: `ALTER TABLE jobs ADD COLUMN coded_message jsonb;`,
  },
  {
    id: 17,
    name: 'database archives imported by jobs',
    sql: `
-- an uploaded database archive, kept under its SHA-256 so that a retried import reads the same bytes
CREATE TABLE import_archives (
  sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  file_name text NOT NULL,
  size integer NOT NULL,
  -- base64: PGlite moves bytea as hex one byte at a time
  bytes text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER import_archives_immutable BEFORE UPDATE OR DELETE ON import_archives FOR EACH ROW EXECUTE FUNCTION tanji_refuse_change();
-- the release an import job saved, written in the release's transaction: a retry of the job finds it
CREATE TABLE release_imports (
  job_id text PRIMARY KEY REFERENCES jobs (id),
  release text NOT NULL UNIQUE REFERENCES releases (number),
  archive text NOT NULL REFERENCES import_archives (sha256),
  created_at timestamptz NOT NULL DEFAULT now()
);
`,
  },
  {
    id: 18,
    name: 'job errors as code and params',
    // the error column keeps the English text for logs; the coded one renders in the reader's language
    sql: `ALTER TABLE jobs ADD COLUMN coded_error jsonb;`,
  },
  {
    id: 19,
    name: 'PACT event errors as code and params',
    // as for jobs: the error column keeps the English text, the coded one renders in the reader's language
    sql: `ALTER TABLE pact_events ADD COLUMN coded_error jsonb;`,
  },
];

/** Any constant will do: every Tanji process takes the same one, so migrations run one at a time. */
const MIGRATION_LOCK = 0x74616e6a; // "tanj"

/** Applies the pending migrations; returns their ids (none when the store is current). */
export async function migrate(store: Store): Promise<number[]> {
  return store.transaction(async (tx) => {
    // PGlite has advisory locks too (it is PostgreSQL), though its directory lock already serialises processes
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    if (store.schema) await tx.exec(`CREATE SCHEMA IF NOT EXISTS ${store.schema}`);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      id integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const applied = new Set((await tx.query<{ id: number }>('SELECT id FROM schema_migrations')).map((r) => r.id));
    const known = new Set(MIGRATIONS.map((m) => m.id));
    const unknown = [...applied].filter((id) => !known.has(id));
    if (unknown.length)
      throw new Error(
        `the store has migrations this Tanji does not know (${unknown.join(', ')}): it was written by a newer version`,
      );
    const pending = MIGRATIONS.filter((m) => !applied.has(m.id));
    for (const m of pending) await apply(tx, m);
    return pending.map((m) => m.id);
  });
}

async function apply(tx: Queryable, m: Migration) {
  await tx.exec(m.sql);
  await tx.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [m.id, m.name]);
}

/** Highest applied migration, 0 for an empty store. */
export async function schemaVersion(store: Queryable): Promise<number> {
  const [row] = await store.query<{ v: number | null }>('SELECT max(id) AS v FROM schema_migrations');
  return row?.v ?? 0;
}
