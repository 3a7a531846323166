import { useSession } from '../auth/session.tsx';
import { useI18n } from '../i18n/context.tsx';
import { isLang, LANGS } from '../i18n/translate.ts';
import { NotificationBadge } from '../cobuild/NotificationBadge.tsx';
import { href, type Route } from '../router.ts';

const LANG_NAMES = { zh: '中文', en: 'English' } as const;

export function Header({ route }: { route: Route }) {
  const { t, lang, setLang } = useI18n();
  const { me, signOut } = useSession();
  const current = (page: Route['page'][]) => (page.includes(route.page) ? 'page' : undefined);
  return (
    <header className="header">
      <a className="brand" href={href({ page: 'studies' })}>
        <span className="brand-mark" aria-hidden="true">
          迹
        </span>
        {t('app.name')}
      </a>
      <nav className="nav">
        {me && (
          <a href={href({ page: 'studies' })} aria-current={current(['studies', 'study', 'new-study'])}>
            {t('nav.studies')}
          </a>
        )}
        {me?.role === 'enterprise' && (
          <a href={href({ page: 'portfolio' })} aria-current={current(['portfolio'])} data-testid="nav-portfolio">
            {t('nav.portfolio')}
          </a>
        )}
        {me?.role === 'enterprise' && (
          <a href={href({ page: 'supply-chain' })} aria-current={current(['supply-chain'])} data-testid="supply-chain">
            {t('pact.nav')}
          </a>
        )}
        {me && me.role !== 'admin' && me.role !== 'public' && (
          <a
            href={href({ page: 'cobuild', view: { kind: 'submissions' } })}
            aria-current={current(['cobuild'])}
            data-testid="nav-cobuild"
          >
            {t('cobuild.nav')}
          </a>
        )}
        {me?.role === 'steward' && (
          <a
            href={href({ page: 'cobuild', view: { kind: 'screen' } })}
            aria-current={route.page === 'cobuild' && route.view.kind === 'screen' ? 'page' : undefined}
            data-testid="nav-screen"
          >
            {t('screen.nav')}
          </a>
        )}
        {me?.role === 'admin' && (
          <a href={href({ page: 'admin' })} aria-current={current(['admin'])} data-testid="nav-admin">
            {t('nav.admin')}
          </a>
        )}
        {me?.role === 'verifier' && (
          <a
            href={href({ page: 'verification' })}
            aria-current={current(['verification'])}
            data-testid="nav-verification"
          >
            {t('label.queue.nav')}
          </a>
        )}
        <a href={href({ page: 'registry' })} aria-current={current(['registry', 'verify'])} data-testid="nav-registry">
          {t('label.registry.nav')}
        </a>
        <a href={href({ page: 'open-data' })} aria-current={current(['open-data'])} data-testid="nav-open-data">
          {t('open.nav')}
        </a>
        <a href={href({ page: 'map' })} aria-current={current(['map'])}>
          {t('nav.map')}
        </a>
      </nav>
      <div className="header-end">
        {me ? (
          <>
            <NotificationBadge refresh={route} />
            <span className="user" title={me.email}>
              {me.name} · {t(`role.${me.role}`)}
              {me.companyName ? ` · ${me.companyName}` : ''}
            </span>
            <button type="button" className="link-button" onClick={() => void signOut()}>
              {t('nav.signOut')}
            </button>
          </>
        ) : (
          route.page !== 'login' && <a href={href({ page: 'login' })}>{t('nav.signIn')}</a>
        )}
        <select
          aria-label={t('nav.language')}
          data-testid="lang-switch"
          value={lang}
          onChange={(e) => isLang(e.target.value) && setLang(e.target.value)}
        >
          {LANGS.map((l) => (
            <option key={l} value={l}>
              {LANG_NAMES[l]}
            </option>
          ))}
        </select>
      </div>
    </header>
  );
}
