import type { CommandSpec } from '../args.ts';
import { cliText, UsageError } from '../args.ts';
import { connectionsWithCompany, getStudy, type ReceivedRow, type Store } from '../../store/index.ts';
import { FootprintCatalog } from '../../pact/catalog.ts';
import { PactEvents } from '../../pact/events.ts';
import { footprintFigures, pullFootprints, useInStudy } from '../../pact/supplier-data.ts';
import { withStore } from '../databases.ts';
import { table } from '../format.ts';

/**
 * `tanji pact`: a company's PACT partners and pulling a supplier's product footprint into the
 * store (checked against the spec first), optionally straight into a study entry.
 */

async function partner(store: Store, name: string, company?: string) {
  const found = (await connectionsWithCompany(store, name)).filter((c) => !company || c.companyName === company);
  if (found.length === 0) throw new UsageError(cliText('cli.no-partner', { name, company: company ?? '' }));
  if (found.length > 1)
    throw new UsageError(
      cliText('cli.partner-of-several', { name, companies: found.map((c) => c.companyName).join('; ') }),
    );
  return found[0];
}

function describe(r: ReceivedRow): string[] {
  const f = footprintFigures(r);
  return [
    r.pfId,
    f.status,
    `${f.kgCo2e} kg CO2e / ${f.amount} ${f.unit}`,
    f.productName,
    r.productIds.join(' '),
    r.via,
  ];
}

export const pactCommand: CommandSpec = {
  name: 'pact',
  summary: "exchange footprints over PACT: list partners, pull a supplier's product footprint",
  usage:
    'tanji pact connections | tanji pact pull <partner> --product <urn> [--spec 3.0|2.3] [--async] [--company <name>] [--study <id> --entry <entry-id>] [--json]',
  options: {
    product: { type: 'string' },
    spec: { type: 'string' },
    async: { type: 'boolean' },
    company: { type: 'string' },
    study: { type: 'string' },
    entry: { type: 'string' },
    'reply-to': { type: 'string' },
    json: { type: 'boolean' },
  },
  help: `
Partners (connections) are added in the web app or with POST /api/pact/connections: each holds
the partner's PACT host URL and the client id and secret the partner issued to you.
  connections            the partners of every company in the store
  pull <partner>         fetch the partner's footprints of --product (a URN) from its host, check
                         each against the Tech Spec (an invalid one is refused with its errors and
                         nothing is kept) and keep them with their source
    --spec 3.0|2.3       Tech Spec version to speak (default 3.0)
    --async              send a RequestCreatedEvent instead; the supplier answers later at your PACT
                         host's events endpoint (--reply-to, default https://localhost:<PACT_PORT or 3001>/3/events),
                         so npm start must be running to receive it
    --study, --entry     put the newest active footprint into that entry of the study as its
                         supplier-specific footprint (primary data), as a new study version
                         recorded under the company's first practitioner
    --company <name>     when several companies have a partner of that name
Examples:
  tanji pact connections
  tanji pact pull "Hainan Packaging" --product urn:tanji:product:2ad257b9-48a7-4c13-9823-ab2bd54916ea
  tanji pact pull "Hainan Packaging" --product urn:… --study <id> --entry fertiliser-n`,
  async run(positionals, values) {
    const [sub, name] = positionals;
    await withStore(async (store) => {
      if (sub === 'connections') {
        const rows = (await connectionsWithCompany(store)).map((c) => [
          c.companyName,
          c.name,
          c.clientId,
          c.partnerUrl ?? '—',
          c.products.join(' ') || 'all',
          c.revokedAt ? `revoked ${c.revokedAt}` : 'live',
        ]);
        console.log(
          rows.length
            ? table(
                ['company', 'partner', 'their client id here', 'partner host', 'products they may see', 'state'],
                rows,
              )
            : 'no partner connections yet',
        );
        return;
      }
      if (sub !== 'pull' || !name)
        throw new UsageError(
          cliText('cli.usage', { usage: 'tanji pact connections | tanji pact pull <partner> --product <urn>' }),
        );
      const product = values.product as string | undefined;
      if (!product || !/^urn:/i.test(product))
        throw new UsageError(cliText('cli.product-urn', { example: 'urn:tanji:product:…' }));
      const spec = (values.spec as string | undefined) ?? '3.0';
      if (spec !== '3.0' && spec !== '2.3') throw new UsageError(cliText('cli.pact-spec', {}));
      if (Boolean(values.study) !== Boolean(values.entry)) throw new UsageError(cliText('cli.study-with-entry', {}));
      const connection = await partner(store, name, values.company as string | undefined);
      if (values.async) {
        const events = new PactEvents(store, new FootprintCatalog(store));
        const replyTo =
          (values['reply-to'] as string | undefined) ??
          `https://localhost:${process.env.PACT_PORT ?? Number(process.env.PORT ?? 3000) + 1}/${spec === '3.0' ? 3 : 2}/events`;
        events.source[spec] = replyTo;
        const id = await events.request(connection, spec, { productId: [product] });
        console.log(
          values.json
            ? JSON.stringify({ requestEventId: id, replyTo })
            : `sent request ${id} to ${connection.name}; the answer will arrive at ${replyTo}`,
        );
        return;
      }
      const received = await pullFootprints(store, connection, product, spec);
      if (values.json && !values.study) {
        console.log(
          JSON.stringify(
            received.map((r) => ({
              id: r.id,
              pfId: r.pfId,
              spec: r.spec,
              productIds: r.productIds,
              sourceUrl: r.sourceUrl,
              document: r.document,
            })),
            null,
            2,
          ),
        );
        return;
      }
      if (!values.json) {
        console.log(
          received.length
            ? table(['footprint', 'status', 'PCF', 'product', 'product ids', 'via'], received.map(describe))
            : `${connection.name} has no footprint of ${product} for you`,
        );
      }
      if (values.study) {
        const newest = received.filter((r) => footprintFigures(r).status === 'Active').at(-1);
        if (!newest) throw new Error(`no active footprint of ${product} to use`);
        const study = await getStudy(store, values.study as string);
        if (!study) throw new UsageError(cliText('cli.no-study', { study: String(values.study) }));
        const user = (
          await store.query<{ id: string }>(
            "SELECT id FROM users WHERE company_id = $1 AND role = 'enterprise' ORDER BY created_at LIMIT 1",
            [study.companyId],
          )
        )[0];
        if (!user) throw new Error(`the study's company has no practitioner to record the change under`);
        const saved = await useInStudy(store, study.id, values.entry as string, newest, user.id);
        const entry = saved.entries.find((e) => e.id === values.entry)!;
        const perUnit = entry.source.type === 'supplier' ? entry.source.kgCo2ePerUnit : NaN;
        if (values.json)
          console.log(
            JSON.stringify({
              studyId: saved.id,
              version: saved.version,
              entry: entry.id,
              kgCo2ePerUnit: perUnit,
              footprint: newest.pfId,
            }),
          );
        else
          console.log(
            `\nstudy ${saved.id} version ${saved.version}: "${entry.name}" now uses ${newest.pfId} (${perUnit} kg CO2e per ${entry.unit}); recalculate it to see the effect`,
          );
      }
    });
  },
};
