import { titled } from '@/lib/i18n/page-title';
import { Link } from '@/lib/i18n/link';
import { getTranslations } from 'next-intl/server';
import { CreateStaffForm } from '@/components/admin/create-staff-form';
import { ActionButton } from '@/components/forms/action-button';
import { Pagination } from '@/components/ui/pagination';
import { listUsers } from '@/lib/accounts/staff';
import { ALL_ROLES as ROLES } from '@/lib/auth/actor';
import { ToDoList } from '@/components/start/to-do-list';
import { actorForPage } from '@/lib/auth/page-guard';
import { db } from '@/lib/db';
import { createStaffUserAction, setUserDisabledAction } from './actions';
import { tableClass } from '@/components/ui/table';
import { buttonVariants } from '@/components/ui/button';
import { DateTime } from '@/components/time/when';
import { FORM_NAMESPACES } from '@/lib/i18n/client-messages';
import { ClientMessages } from '@/components/i18n/client-messages';

export const generateMetadata = titled('users');

export default async function UsersPage({ searchParams }: PageProps<'/[locale]/admin/users'>) {
  const actor = await actorForPage('/admin/users', ['ADMIN']);
  const params = await searchParams;
  const users = await listUsers(db, actor, { page: params.page, role: params.role });
  const [t, roles] = await Promise.all([getTranslations('users'), getTranslations('roles')]);
  return (
    <section>
      <h1>{t('title')}</h1>
      <ToDoList actor={actor} />
      <p><Link href="/admin/hostility-list">{t('hostilityListLink')}</Link></p>
      <nav aria-label={t('role')} className="mt-2 mb-4 flex flex-wrap items-end gap-4 [&_a[aria-current=page]]:font-bold [&_a[aria-current=page]]:text-ink [&_a[aria-current=page]]:no-underline">
        <Link href="/admin/users" aria-current={users.role ? undefined : 'page'}>{t('all')}</Link>
        {ROLES.map((role) => (
          <Link key={role} href={`/admin/users?role=${role}`} aria-current={users.role === role ? 'page' : undefined}>{roles(role)}</Link>
        ))}
      </nav>
      <table className={tableClass}>
        <thead>
          <tr><th scope="col">{t('name')}</th><th scope="col">{t('role')}</th><th scope="col">{t('organisation')}</th><th scope="col">{t('lastSignIn')}</th><th scope="col">{t('status')}</th></tr>
        </thead>
        <tbody>
          {users.items.map((user) => (
            <tr key={user.id}>
              <td data-label={t('name')}>{user.name}<div className="text-sm text-muted">{user.email}</div></td>
              <td data-label={t('role')}>{roles(user.role)}</td>
              <td data-label={t('organisation')}>{user.organisation ?? '—'}</td>
              <td data-label={t('lastSignIn')}>{user.lastSignInAt ? <DateTime value={user.lastSignInAt} /> : t('never')}</td>
              <td data-label={t('status')}>
                {user.disabled ? t('disabled') : t('active')}{' '}
                {user.id === actor.userId ? null : (
                  <ClientMessages namespaces={[...FORM_NAMESPACES, 'users', 'roles']}><ActionButton action={setUserDisabledAction} input={{ userId: user.id, disabled: !user.disabled }} done={t(user.disabled ? 'enabledDone' : 'disabledDone', { name: user.name })} className={buttonVariants({ variant: 'secondary', size: 'sm' })}>
                    {user.disabled ? t('enable') : t('disable')}
                  </ActionButton></ClientMessages>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination page={users.page} pageCount={users.pageCount} href={(page) => `/admin/users?page=${page}${users.role ? `&role=${users.role}` : ''}`} />
      <h2>{t('create')}</h2>
      <ClientMessages namespaces={[...FORM_NAMESPACES, 'users', 'roles']}><CreateStaffForm action={createStaffUserAction} /></ClientMessages>
    </section>
  );
}
