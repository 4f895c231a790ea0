import type { LocalisedName } from '../publish';

// Names as the notices carry them: each reader gets their script (see render.ts).

export const hromadaName = (hromada: { nameUk: string; nameEn: string }): LocalisedName => ({ en: hromada.nameEn, uk: hromada.nameUk });
export const companyName = (company: { legalNameJa: string; legalNameEn: string }): LocalisedName => ({ en: company.legalNameEn, ja: company.legalNameJa });
