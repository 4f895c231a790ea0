import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// A local stand-in for the part of DeepL's API Kakehashi uses (POST /v2/translate, POST
// /v3/glossaries), in DeepL's request and response shapes, so deepl-node talks to it unchanged.
// It "translates" by tagging the text with the target language and replacing glossary terms,
// which lets a test see both that a text was translated and that the glossary was applied.

export type DeepLRequest = { method: string; path: string; auth: string | null; form: URLSearchParams };
type Glossary = { id: string; dictionaries: Map<string, Map<string, string>> };

export type FakeDeepL = {
  url: string;
  requests: DeepLRequest[];
  /** Statuses to answer the next translate requests with, in order, before translating again. */
  failNext(...statuses: number[]): void;
  /** Refuse glossaries (DeepL answers 400 for a language pair it does not take). */
  refuseGlossaries(refuse: boolean): void;
  glossaryCount(): number;
  close(): Promise<void>;
};

const readBody = (request: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });

export async function startFakeDeepL(): Promise<FakeDeepL> {
  const requests: DeepLRequest[] = [];
  const failures: number[] = [];
  let glossariesRefused = false;
  const glossaries = new Map<string, Glossary>();

  function translate(form: URLSearchParams) {
    const source = (form.get('source_lang') ?? '').toLowerCase();
    const target = (form.get('target_lang') ?? '').toLowerCase();
    const glossary = glossaries.get(form.get('glossary_id') ?? '');
    const terms = glossary?.dictionaries.get(`${source}>${target.slice(0, 2)}`);
    return form.getAll('text').map((text) => {
      let translated = text;
      for (const [from, to] of terms ?? []) translated = translated.split(from).join(to);
      return { detected_source_language: source.toUpperCase(), text: `[${target}] ${translated}`, billed_characters: text.length };
    });
  }

  function createGlossary(form: URLSearchParams) {
    const id = `glossary-${glossaries.size + 1}`;
    const dictionaries = new Map<string, Map<string, string>>();
    for (let index = 0; form.has(`dictionaries[${index}].source_lang`); index += 1) {
      const entries = new Map(
        (form.get(`dictionaries[${index}].entries`) ?? '')
          .split('\n')
          .filter(Boolean)
          .map((line) => line.split('\t') as [string, string]),
      );
      dictionaries.set(`${form.get(`dictionaries[${index}].source_lang`)}>${form.get(`dictionaries[${index}].target_lang`)}`, entries);
    }
    glossaries.set(id, { id, dictionaries });
    return {
      glossary_id: id,
      name: form.get('name'),
      creation_time: new Date().toISOString(),
      dictionaries: [...dictionaries].map(([pair, entries]) => ({ source_lang: pair.split('>')[0], target_lang: pair.split('>')[1], entry_count: entries.size })),
    };
  }

  const server: Server = createServer(async (request, response) => {
    const body = await readBody(request);
    const path = (request.url ?? '/').split('?')[0];
    const form = new URLSearchParams(body);
    requests.push({ method: request.method ?? '', path, auth: request.headers.authorization ?? null, form });
    const answer = (status: number, json: unknown) => response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
    if (!request.headers.authorization?.startsWith('DeepL-Auth-Key ')) return answer(403, { message: 'Authorization failure' });
    if (request.method === 'POST' && path === '/v2/translate') {
      const failure = failures.shift();
      if (failure) return answer(failure, { message: 'Too many requests' });
      return answer(200, { translations: translate(form) });
    }
    if (request.method === 'POST' && path === '/v3/glossaries') {
      if (glossariesRefused) return answer(400, { message: "Unsupported glossary language pair" });
      return answer(201, createGlossary(form));
    }
    return answer(404, { message: 'Not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    failNext: (...statuses) => void failures.push(...statuses),
    refuseGlossaries: (refuse) => void (glossariesRefused = refuse),
    glossaryCount: () => glossaries.size,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
