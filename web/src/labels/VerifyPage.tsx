import { useEffect, useState } from 'react';
import { TrustBundleSchema, type TrustBundle } from '../../../src/model/credential.ts';
import { renderIn } from '../../../src/i18n/define.ts';
import { LABEL_TEXTS } from '../../../src/i18n/labels.ts';
import { verifyLabel, type Verification } from '../../../src/labels/verify.ts';
import { labelsApi } from '../api/labels.ts';
import { FileButton } from '../components/FileButton.tsx';
import { ErrorMessage, Loading } from '../components/status.tsx';
import { useI18n } from '../i18n/context.tsx';
import { formatNumber } from '../lib/format.ts';
import { href } from '../router.ts';
import { GradeBadge } from './badges.tsx';

/** The largest file the page reads: a credential or label is a few KiB. */
const MAX_FILE = 5 * 1024 * 1024;
const MARK = { pass: '✓', fail: '✗', unknown: '?' } as const;

/**
 * Checks a label in the browser, with no account and without trusting this server for the
 * verdict: the signature, key, revocation and grade are checked here with WebCrypto
 * (src/labels/verify.ts). A label from the registry (#/verify/<id>) or a file the user holds.
 */
export function VerifyPage({ id }: { id?: string }) {
  const { t } = useI18n();
  const [trust, setTrust] = useState<TrustBundle | null>(null);
  const [trustSource, setTrustSource] = useState<'registry' | 'file' | null>(null);
  const [result, setResult] = useState<Verification | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = async (file: unknown, bundle: TrustBundle | null) => {
    setBusy(true);
    setError(null);
    try {
      setResult(await verifyLabel({ file, trust: bundle ?? undefined }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    if (!id) return;
    let live = true;
    void (async () => {
      try {
        const [credential, bundle] = await Promise.all([labelsApi.credential(id), labelsApi.trust()]);
        if (!live) return;
        setTrust(bundle);
        setTrustSource('registry');
        await run(credential, bundle);
      } catch (e) {
        if (live) setError(e);
      }
    })();
    return () => {
      live = false;
    };
  }, [id]);

  const readFile = async (file: File): Promise<string> => {
    if (file.size > MAX_FILE) throw new Error(t('label.verify.tooLarge', { name: file.name }));
    return file.text();
  };
  const onLabel = async (file: File) => {
    try {
      await run(await readFile(file), trust);
    } catch (e) {
      setError(e);
    }
  };
  const onTrust = async (file: File) => {
    try {
      const text = await readFile(file);
      // a file that is not JSON is no trust file either: the reader gets that, not the parser's English
      const parsed = (() => {
        try {
          return TrustBundleSchema.safeParse(JSON.parse(text));
        } catch {
          return undefined;
        }
      })();
      if (!parsed?.success) throw new Error(t('label.verify.badTrust', { name: file.name }));
      setTrust(parsed.data);
      setTrustSource('file');
      setResult(null);
    } catch (e) {
      setError(e);
    }
  };
  const loadRegistryTrust = async () => {
    try {
      setTrust(await labelsApi.trust());
      setTrustSource('registry');
      setResult(null);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section data-testid="verify-page">
      <div className="page-head">
        <h1>{t('label.verify.title')}</h1>
        <a href={href({ page: 'registry' })}>{t('label.registry.nav')}</a>
      </div>
      <p className="muted small">{t('label.verify.intro')}</p>
      <div className="toolbar">
        <FileButton
          label={t('label.verify.chooseLabel')}
          busyLabel={t('common.loading')}
          busy={busy}
          accept=".json,.svg,application/json,image/svg+xml"
          onFile={(f) => void onLabel(f)}
          testId="verify-file"
        />
        <FileButton
          label={t('label.verify.chooseTrust')}
          busyLabel={t('common.loading')}
          busy={busy}
          accept=".json,application/json"
          onFile={(f) => void onTrust(f)}
          testId="verify-trust"
        />
        <button type="button" className="link-button" onClick={() => void loadRegistryTrust()}>
          {t('label.verify.useRegistryTrust')}
        </button>
        <span className="small muted" data-testid="trust-source">
          {trust
            ? t(trustSource === 'file' ? 'label.verify.trustFromFile' : 'label.verify.trustFromRegistry', {
                date: trust.issued.slice(0, 10),
                keys: trust.keys.length,
              })
            : t('label.verify.noTrust')}
        </span>
      </div>
      {busy && <Loading />}
      <ErrorMessage error={error} />
      {result && <VerificationView result={result} />}
    </section>
  );
}

function VerificationView({ result }: { result: Verification }) {
  const { t, lang } = useI18n();
  const s = result.credential?.credentialSubject;
  return (
    <div className={`card verdict-${result.verdict}`} data-testid="verification" data-verdict={result.verdict}>
      <h2 data-testid="verdict">
        {renderIn(LABEL_TEXTS, { code: `verdict.${result.verdict}`, params: {}, message: result.verdict }, lang)}
      </h2>
      {s && (
        <p>
          <strong>{s.product.name}</strong> · {s.product.company.name} · {formatNumber(s.footprint.value, lang)} kg CO2e
          / {s.footprint.declaredUnit.amount} {s.footprint.declaredUnit.unit} ·{' '}
          <GradeBadge grade={s.grade?.grade ?? null} />
        </p>
      )}
      <ul className="checks">
        {result.checks.map((c) => (
          <li
            key={`${c.id}-${c.code}`}
            className={`check-${c.status}`}
            data-testid="check"
            data-check={c.id}
            data-status={c.status}
          >
            <span aria-hidden="true">{MARK[c.status]}</span> {renderIn(LABEL_TEXTS, c, lang)}
          </li>
        ))}
      </ul>
    </div>
  );
}
