import CyrillicToTranslit from 'cyrillic-to-translit-js';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
const t = new CyrillicToTranslit({ preset: 'uk' });
const rows = parse(readFileSync('prisma/reference/hromadas.csv','utf8'),{columns:true});
let n=0; for (const r of rows) { const x=t.transform(r.name_uk); if (x!==r.name_en) { n++; console.log(r.code, r.name_uk, r.name_en, x); } }
console.log(n, t.transform('Знамʼянка'), t.transform('Знам`янка'));
