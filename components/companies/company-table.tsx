import type { PublicCompany } from '@/lib/companies/public-companies';
import { RISK_APPETITE_LABELS, SECTOR_LABELS } from '../labels';

const countryName = new Intl.DisplayNames(['en'], { type: 'region' });

export function CompanyTable({ companies }: { companies: PublicCompany[] }) {
  if (companies.length === 0) return <p className="empty">No verified companies yet.</p>;
  return (
    <table className="table" aria-label="Companies">
      <thead>
        <tr>
          <th scope="col">Company</th>
          <th scope="col">Location</th>
          <th scope="col">Size</th>
          <th scope="col">Sectors</th>
          <th scope="col">Risk appetite</th>
          <th scope="col">Post-conflict experience</th>
        </tr>
      </thead>
      <tbody>
        {companies.map((company) => (
          <tr key={company.id}>
            <td>
              <span lang="ja">{company.legalNameJa}</span>
              <div className="secondary">{company.legalNameEn}</div>
            </td>
            <td>
              {company.cityEn}, {company.prefecture.nameEn}
              <div className="secondary" lang="ja">{company.prefecture.nameJa}{company.cityJa}</div>
            </td>
            <td>{company.isSme ? 'SME' : 'Large'} · {company.employees.toLocaleString('en')} staff</td>
            <td>{company.sectors.map((sector) => SECTOR_LABELS[sector]).join(', ')}</td>
            <td>{RISK_APPETITE_LABELS[company.riskAppetite]}</td>
            <td>{company.experienceCountries.length
                ? company.experienceCountries.map((code) => countryName.of(code) ?? code).join(', ')
                : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
