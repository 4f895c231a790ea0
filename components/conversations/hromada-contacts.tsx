import { getTranslations } from 'next-intl/server';

type Contacts = { contactName: string; contactEmail: string; contactPhone: string | null };

/** The hromada's contacts, shown to the company it was introduced to (and facilitators). */
export async function HromadaContacts({ contacts }: { contacts: Contacts }) {
  const t = await getTranslations('conversation');
  return (
    <section aria-labelledby="hromada-contacts" className="max-w-3xl rounded-lg border border-line bg-paper px-4 py-3" data-testid="hromada-contacts">
      <h2 id="hromada-contacts" className="mt-0 text-lg">{t('contactsTitle')}</h2>
      <dl className="m-0 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="text-muted">{t('contactName')}</dt><dd className="m-0">{contacts.contactName}</dd>
        <dt className="text-muted">{t('contactEmail')}</dt><dd className="m-0 break-all"><a href={`mailto:${contacts.contactEmail}`}>{contacts.contactEmail}</a></dd>
        {contacts.contactPhone ? <><dt className="text-muted">{t('contactPhone')}</dt><dd className="m-0"><a href={`tel:${contacts.contactPhone}`}>{contacts.contactPhone}</a></dd></> : null}
      </dl>
    </section>
  );
}
