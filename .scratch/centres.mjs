import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
const rows = parse(readFileSync('/work/shared/data/ua-katottg-2025-05-16.csv','utf8'), {delimiter:';', from_line:2, bom:true, relax_column_count:true});
const hromadas = new Map(); const settlements = new Map();
for (const [l1,l2,l3,l4,extra,cat,name] of rows) {
  if (cat==='H') hromadas.set(l3, name.trim());
  else if (l4 && !extra && l3) { if(!settlements.has(l3)) settlements.set(l3, []); settlements.get(l3).push({code:l4,cat,name}); }
}
const lcp=(a,b)=>{a=a.toLowerCase().replace(/[’']/g,'');b=b.toLowerCase().replace(/[’']/g,'');let i=0;while(i<a.length&&i<b.length&&a[i]===b[i])i++;return i;};
let first=0, notFirst=[], weak=[];
for (const [code,name] of hromadas) {
  const list=settlements.get(code)||[];
  const scored=list.map(s=>({...s, p:lcp(name,s.name)}));
  const best=Math.max(...scored.map(s=>s.p));
  const cands=scored.filter(s=>s.p===best);
  const firstS=list[0]; const inC=(c)=>c.some(x=>x.code===firstS?.code);
  if (best<3 || cands.length>1 && !inC(cands)) weak.push([name, cands.map(c=>c.name+'/'+c.cat+'/'+c.code.slice(9,12)).join(',')]);
  if (inC(cands)) first++; else notFirst.push([name, firstS?.name, cands.map(c=>c.name+'/'+c.code.slice(9,12)).join(',')]);
}
console.log('hromadas',hromadas.size,'first matches',first,'notFirst',notFirst.length,'weak',weak.length);
console.log(notFirst.slice(0,40)); console.log(weak.slice(0,30));
let ok=0, bad=[];
for (const [code,name] of hromadas) { const f=(settlements.get(code)||[])[0]; if(!f){bad.push([name,'-']);continue;} if (lcp(name,f.name)>=3) ok++; else bad.push([name,f.name,f.code.slice(9,12)]); }
console.log('stem ok',ok,'bad',bad.length, JSON.stringify(bad));
const nos = [...hromadas].filter(([c])=>!(settlements.get(c)||[]).some(s=>s.code.slice(9,12)==='001')); console.log('no 001', nos.length);
