import { describe, expect, it } from 'vitest';
import { parseHostilityTable } from '../../lib/hostility-list/parse';

describe('reading a hostilities table', () => {
  it('reads the platform\'s own form (prisma/reference/hostility-periods.csv)', () => {
    const { rows, errors } = parseHostilityTable(
      'hromada_code,territory_code,territory_level,territory_name,status,start_date,end_date\n'
      + 'UA12080010000029838,UA12080010000029838,HROMADA,Марганецька міська територіальна громада,POSSIBLE_HOSTILITIES,2023-10-13,2024-11-30\n');
    expect(errors).toEqual([]);
    expect(rows).toEqual([expect.objectContaining({ line: 2, hromadaCode: 'UA12080010000029838', territoryLevel: 'HROMADA', status: 'POSSIBLE_HOSTILITIES', periods: [{ start: '2023-10-13', end: '2024-11-30' }], action: 'SET' })]);
  });

  it('reads the Ministry\'s form: semicolons, Ukrainian headings and categories, merged date cells, removals', () => {
    const { rows, errors } = parseHostilityTable(
      '\uFEFFКод кодифікатора;Найменування території;Категорія;Дата початку;Дата завершення;Дія\n'
      + 'UA63040090010029555;м. Ізюм;активні бойові дії;24.02.202208.09.2022;01.04.202211.09.2022;\n'
      + 'UA59100050000059594;Дружбівська громада;можливі бойові дії;21.08.2022;;виключити\n');
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({ line: 2, status: 'ACTIVE_HOSTILITIES', hromadaCode: null, periods: [{ start: '2022-02-24', end: '2022-04-01' }, { start: '2022-09-08', end: '2022-09-11' }] });
    expect(rows[1]).toMatchObject({ line: 3, status: 'POSSIBLE_HOSTILITIES', action: 'REMOVE' });
  });

  it('names each bad row by its line', () => {
    const { rows, errors } = parseHostilityTable(
      'katottg,category,name_uk,start_date,end_date\n'
      + 'UA123,active_hostilities,x,01.01.2026,\n'
      + 'UA59100050000059594,quiet,x,01.01.2026,\n'
      + 'UA59100050000059594,active_hostilities,x,31.02.2026,\n'
      + 'UA59100050000059594,active_hostilities,x,10.01.2026,01.01.2026\n'
      + 'UA59100050000059594,active_hostilities,,10.01.2026,\n');
    expect(rows).toEqual([]);
    expect(errors.map((e) => [e.line, e.problem])).toEqual([[2, 'badCode'], [3, 'badStatus'], [4, 'badDate'], [5, 'badDate'], [6, 'missingName']]);
  });

  it('refuses unknown columns rather than guessing', () => {
    expect(parseHostilityTable('code_x,category,start_date\nUA59100050000059594,active_hostilities,01.01.2026').errors).toEqual([{ line: 1, problem: 'unknownColumns', value: 'code_x' }]);
  });
});
