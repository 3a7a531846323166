import { useState, type FormEvent } from 'react';
import { useSession } from '../auth/session.tsx';
import { ErrorMessage } from '../components/status.tsx';
import { useI18n } from '../i18n/context.tsx';
import { navigate } from '../router.ts';

export function LoginPage({ onLoginPage }: { onLoginPage: boolean }) {
  const { t } = useI18n();
  const { signIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
      if (onLoginPage) navigate({ page: 'studies' });
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  return (
    <form className="card login" onSubmit={(e) => void submit(e)}>
      <h1>{t('login.title')}</h1>
      <p className="muted">{t('login.intro')}</p>
      <label className="field">
        <span>{t('login.email')}</span>
        <input
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          data-testid="login-email"
          autoFocus
        />
      </label>
      <label className="field">
        <span>{t('login.password')}</span>
        <input
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          data-testid="login-password"
        />
      </label>
      <ErrorMessage error={error} />
      <button type="submit" className="primary" disabled={busy} data-testid="login-submit">
        {busy ? t('login.signingIn') : t('login.submit')}
      </button>
    </form>
  );
}
