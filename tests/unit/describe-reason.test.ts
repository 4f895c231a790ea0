import { createFormatter, createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '../../lib/i18n/messages/en.json';
import ja from '../../lib/i18n/messages/ja.json';
import uk from '../../lib/i18n/messages/uk.json';
import { describeReason, describeRemedy, type ReasonContext } from '../../lib/i18n/describe-reason';
import { withinReachOfCapacity } from '../../lib/matching/rules';

// Reasons are stored as codes with params; each reader gets every word in their own language.

const contextFor = (locale: 'en' | 'ja' | 'uk', messages: object): ReasonContext => ({
  t: createTranslator({ locale, messages }) as unknown as ReasonContext['t'],
  format: createFormatter({ locale, timeZone: 'Europe/Kyiv' }),
  locale,
  prefectureName: (code) => (code === '27' ? (locale === 'ja' ? '大阪府' : 'Osaka') : code),
});

describe('describeReason', () => {
  it('translates enum params, lists and countries', () => {
    const reason = { code: 'BEYOND_RISK_APPETITE', params: { status: 'ACTIVE_HOSTILITIES', appetite: 'NO_HOSTILITIES' } };
    expect(describeReason(reason, contextFor('en', en))).toBe(
      "The site (Active hostilities) is beyond the company's risk appetite (Where there are no hostilities).",
    );
    expect(describeReason(reason, contextFor('uk', uk))).toContain('Активні бойові дії');
    const experience = { code: 'MINE_ACTION_EXPERIENCE', params: { countries: ['KH', 'LA'] } };
    expect(describeReason(experience, contextFor('en', en))).toBe('Experience in mine-contaminated countries: Cambodia and Laos.');
    expect(describeReason(experience, contextFor('ja', ja))).toContain('カンボジア');
  });

  it('formats money per locale and names prefectures', () => {
    const scale = { code: 'WITHIN_CAPACITY', params: { budgetEur: 250000, capacityEur: 1200000 } };
    expect(describeReason(scale, contextFor('en', en))).toContain('€250,000');
    expect(describeReason({ code: 'KANSAI_COMPANY', params: { prefectureCode: '27' } }, contextFor('ja', ja))).toBe('関西の大阪府に拠点があります。');
  });

  it('names, as the remedy for a budget far above capacity, the smallest capacity the scale rule accepts', () => {
    for (const budgetEur of [1_000_000, 1_234_567, 99]) {
      const remedy = describeRemedy({ code: 'FAR_ABOVE_CAPACITY', params: { budgetEur, capacityEur: 1 } }, contextFor('en', en), 'pair')!;
      const neededEur = Number(/€([\d,]+)/.exec(remedy)![1].replaceAll(',', ''));
      expect(withinReachOfCapacity(budgetEur, neededEur)).toBe(true);
      expect(withinReachOfCapacity(budgetEur, neededEur - 1)).toBe(false);
    }
  });

  it('names the Japanese side of a sister tie in the reader\'s script', () => {
    const city = { code: 'SISTER_CITY', params: { cityJa: '横浜市', cityEn: 'Yokohama', sinceYear: 1965 } };
    expect(describeReason(city, contextFor('ja', ja))).toBe('姉妹都市：横浜市とこのフロマーダ（1965年から）。');
    expect(describeReason(city, contextFor('en', en))).toBe('Sister cities: Yokohama and this hromada, since 1965.');
    expect(describeReason(city, contextFor('uk', uk))).toBe('Міста-побратими: Yokohama і ця громада, з 1965 року.');
    const region = { code: 'SISTER_PREFECTURE', params: { cityJa: '神奈川県', cityEn: 'Kanagawa', sinceYear: 1986 } };
    expect(describeReason(region, contextFor('ja', ja))).toBe('友好交流：神奈川県とこのフロマーダの州（1986年から）。');
    expect(describeReason(region, contextFor('en', en))).toBe('Partner regions: Kanagawa Prefecture and this hromada’s oblast, since 1986.');
    const neighbour = { code: 'SISTER_CITY_PREFECTURE', params: { cityJa: '京都市', cityEn: 'Kyoto', sinceYear: 1971, prefectureCode: '27' } };
    expect(describeReason(neighbour, contextFor('ja', ja))).toBe('大阪府の京都市がこのフロマーダの姉妹都市です。');
    for (const messages of [en, ja, uk]) expect(JSON.stringify(messages)).not.toContain('{cityEn}');
  });

  it('uses select arguments for flags and falls back for an unknown code', () => {
    const within = { code: 'WITHIN_RISK_APPETITE', params: { status: 'NONE', appetite: 'NO_HOSTILITIES', isSme: true, atEdge: false } };
    expect(describeReason(within, contextFor('en', en))).toContain('small and mid-sized companies accept more risk');
    expect(describeReason({ code: 'NO_SUCH_REASON', params: {} }, contextFor('en', en))).toBe('—');
  });
});

describe('describeReason for tender evidence', () => {
  const verified = {
    code: 'VERIFIED_TENDER_FUNDED',
    params: { source: 'PROZORRO', verifiedOn: '2026-11-20', procedure: 'open', bids: 4, funders: ['European Investment Bank'] },
  };
  it('says where and when the tender was verified, in every language', () => {
    expect(describeReason(verified, contextFor('en', en))).toBe('Verified on Prozorro on November 20, 2026: open tender, 4 bids, funded by European Investment Bank.');
    expect(describeReason(verified, contextFor('uk', uk))).toBe('Перевірено в Prozorro 20 листопада 2026 р.: відкриті торги, 4 пропозиції, фінансування: European Investment Bank.');
    expect(describeReason(verified, contextFor('ja', ja))).toBe('2026年11月20日にProzorroで確認済み：一般競争入札、入札4件、資金提供：European Investment Bank。');
  });
  it('says when only the hromada declared it, and when the record does not give the bids', () => {
    const declared = { code: 'TRANSPARENT_TENDER', params: { procurement: 'PROZORRO', funding: 'MUNICIPAL_BUDGET' } };
    expect(describeReason(declared, contextFor('en', en))).toMatch(/^Declared by the hromada, not verified: /);
    expect(describeReason(declared, contextFor('uk', uk))).toMatch(/^Задекларовано громадою, не перевірено: /);
    expect(describeReason(declared, contextFor('ja', ja))).toMatch(/^フロマーダの申告（未確認）：/);
    const unknownBids = { code: 'VERIFIED_TENDER', params: { source: 'DREAM', verifiedOn: '2026-11-20', procedure: 'selective', bids: -1, funding: 'MUNICIPAL_BUDGET' } };
    expect(describeReason(unknownBids, contextFor('en', en))).toContain('selective tender, bids not published');
  });
});
