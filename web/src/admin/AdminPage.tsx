import { useState, type FormEvent } from 'react';
import {
  OrganisationKindSchema,
  ROLE_MEMBERSHIP,
  type OrganisationKind,
  type User,
} from '../../../src/model/account.ts';
import { RoleSchema, type Role } from '../../../src/model/study.ts';
import { adminApi, type Organisation } from '../api/admin.ts';
import { ErrorMessage, Loading } from '../components/status.tsx';
import { useI18n } from '../i18n/context.tsx';
import { useLoad } from '../lib/useLoad.ts';

/**
 * Administration: organisations (enterprises, verification bodies, associations, institutes),
 * their users and roles. The server holds the membership rules (a verifier in a verification
 * body, a steward in an association or institute) and names the field it refuses.
 */

const KINDS = OrganisationKindSchema.options;
const ROLES = RoleSchema.options;

export function AdminPage() {
  const { t } = useI18n();
  const organisations = useLoad(() => adminApi.organisations(), []);
  const users = useLoad(() => adminApi.users(), []);
  const reload = () => {
    organisations.reload();
    users.reload();
  };
  return (
    <section data-testid="admin-page">
      <h1>{t('admin.title')}</h1>
      <p className="muted">{t('admin.intro')}</p>
      <div className="card">
        <h2>{t('admin.organisations')}</h2>
        <NewOrganisation onDone={reload} />
        {organisations.data ? (
          <OrganisationTable rows={organisations.data} onChange={reload} />
        ) : (
          <ErrorOrLoading error={organisations.error} />
        )}
      </div>
      <div className="card">
        <h2>{t('admin.users')}</h2>
        {organisations.data && <NewUser organisations={organisations.data} onDone={reload} />}
        {users.data && organisations.data ? (
          <UserTable rows={users.data} organisations={organisations.data} onChange={reload} />
        ) : (
          <ErrorOrLoading error={users.error} />
        )}
      </div>
    </section>
  );
}

function ErrorOrLoading({ error }: { error: unknown }) {
  return error ? <ErrorMessage error={error} /> : <Loading />;
}

/** Runs a request, keeping its error to show beside the form that sent it. */
function useSubmit() {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<unknown>, onDone: () => void) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run };
}

function NewOrganisation({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<OrganisationKind>('enterprise');
  const { error, busy, run } = useSubmit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(
      () => adminApi.createOrganisation({ name: name.trim(), kind }),
      () => {
        setName('');
        onDone();
      },
    );
  };
  return (
    <form className="inline-fields" onSubmit={submit} data-testid="new-organisation">
      <input
        value={name}
        onChange={(e) => setName(e.target.value)}
        placeholder={t('admin.organisationName')}
        aria-label={t('admin.organisationName')}
        maxLength={200}
        required
        data-testid="organisation-name"
      />
      <select
        value={kind}
        onChange={(e) => setKind(e.target.value as OrganisationKind)}
        aria-label={t('admin.kind')}
        data-testid="organisation-kind"
      >
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`orgKind.${k}`)}
          </option>
        ))}
      </select>
      <button type="submit" className="primary" disabled={busy || !name.trim()} data-testid="create-organisation">
        {t('admin.createOrganisation')}
      </button>
      <ErrorMessage error={error} />
    </form>
  );
}

function OrganisationTable({ rows, onChange }: { rows: Organisation[]; onChange: () => void }) {
  const { t } = useI18n();
  const { error, run } = useSubmit();
  return (
    <>
      <ErrorMessage error={error} />
      <table className="table compact" data-testid="organisation-table">
        <thead>
          <tr>
            <th>{t('admin.organisationName')}</th>
            <th>{t('admin.kind')}</th>
            <th className="num">{t('admin.userCount')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((o) => (
            <tr key={o.id} data-testid="organisation-row">
              <td>{o.name}</td>
              <td>
                <select
                  value={o.kind}
                  aria-label={`${t('admin.kind')}: ${o.name}`}
                  onChange={(e) =>
                    void run(
                      () => adminApi.changeOrganisation(o.id, { kind: e.target.value as OrganisationKind }),
                      onChange,
                    )
                  }
                >
                  {KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`orgKind.${k}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td className="num">{o.users}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function NewUser({ organisations, onDone }: { organisations: Organisation[]; onDone: () => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState({ email: '', name: '', password: '', role: 'enterprise' as Role, companyId: '' });
  const { error, busy, run } = useSubmit();
  const fits = organisations.filter((o) => ROLE_MEMBERSHIP[form.role].includes(o.kind));
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(
      () =>
        adminApi.createUser({
          ...form,
          email: form.email.trim(),
          name: form.name.trim(),
          companyId: form.companyId || null,
        }),
      () => {
        setForm({ email: '', name: '', password: '', role: form.role, companyId: form.companyId });
        onDone();
      },
    );
  };
  return (
    <form className="form-grid" onSubmit={submit} data-testid="new-user">
      <label className="field">
        <span>{t('admin.email')}</span>
        <input
          type="email"
          value={form.email}
          onChange={(e) => set({ email: e.target.value })}
          required
          maxLength={200}
          data-testid="user-email"
        />
      </label>
      <label className="field">
        <span>{t('admin.userName')}</span>
        <input
          value={form.name}
          onChange={(e) => set({ name: e.target.value })}
          required
          maxLength={200}
          data-testid="user-name"
        />
      </label>
      <label className="field">
        <span>{t('admin.password')}</span>
        <input
          type="password"
          value={form.password}
          onChange={(e) => set({ password: e.target.value })}
          minLength={10}
          required
          autoComplete="new-password"
          data-testid="user-password"
        />
      </label>
      <label className="field">
        <span>{t('admin.role')}</span>
        <select
          value={form.role}
          onChange={(e) => set({ role: e.target.value as Role, companyId: '' })}
          data-testid="user-role"
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('admin.organisation')}</span>
        <select
          value={form.companyId}
          onChange={(e) => set({ companyId: e.target.value })}
          data-testid="user-organisation"
        >
          {ROLE_MEMBERSHIP[form.role].includes(null) ? (
            <option value="">{t('admin.noOrganisation')}</option>
          ) : (
            <option value="">{t('admin.chooseOrganisation')}</option>
          )}
          {fits.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </label>
      <div className="field">
        <button type="submit" className="primary" disabled={busy} data-testid="create-user">
          {t('admin.createUser')}
        </button>
      </div>
      <div className="span-all">
        <ErrorMessage error={error} />
      </div>
    </form>
  );
}

function UserTable({
  rows,
  organisations,
  onChange,
}: {
  rows: User[];
  organisations: Organisation[];
  onChange: () => void;
}) {
  const { t } = useI18n();
  const { error, run } = useSubmit();
  const resetPassword = (u: User) => {
    const password = window.prompt(t('admin.newPasswordFor', { name: u.name }));
    if (password) void run(() => adminApi.setPassword(u.id, password), onChange);
  };
  return (
    <>
      <ErrorMessage error={error} />
      <table className="table compact" data-testid="user-table">
        <thead>
          <tr>
            <th>{t('admin.userName')}</th>
            <th>{t('admin.email')}</th>
            <th>{t('admin.role')}</th>
            <th>{t('admin.organisation')}</th>
            <th aria-label={t('common.actions')} />
          </tr>
        </thead>
        <tbody>
          {rows.map((u) => (
            <tr key={u.id} data-testid="user-row">
              <td>{u.name}</td>
              <td className="small">{u.email}</td>
              <td>
                <select
                  value={u.role}
                  aria-label={`${t('admin.role')}: ${u.name}`}
                  onChange={(e) =>
                    void run(() => adminApi.changeUser(u.id, { role: e.target.value as Role }), onChange)
                  }
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t(`role.${r}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <select
                  value={u.companyId ?? ''}
                  aria-label={`${t('admin.organisation')}: ${u.name}`}
                  onChange={(e) =>
                    void run(() => adminApi.changeUser(u.id, { companyId: e.target.value || null }), onChange)
                  }
                >
                  <option value="">{t('admin.noOrganisation')}</option>
                  {organisations.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                </select>
              </td>
              <td className="actions">
                <button type="button" className="link-button" onClick={() => resetPassword(u)}>
                  {t('admin.resetPassword')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
