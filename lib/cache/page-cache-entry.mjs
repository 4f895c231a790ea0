// A page-cache entry as stored in "PageCacheEntry" and as Next reads it (page-cache-handler.mjs).
// Plain JavaScript: Next loads the handler, and so this file, without compiling it.

/**
 * An entry as stored: a page's three large parts — its HTML, RSC payload and per-segment prefetch
 * data — in columns of their own, the rest (kind, headers, status; a route's body) as JSON. A hit
 * decodes each column into a string of its own. All in one JSON text, the queue's entry was one
 * string of 300 KB (two bytes a character, as the page holds Cyrillic): V8 allocates a string past
 * 128 KB outside its young generation, slowly, and it cost 2.8 ms to decode and 1.2 to parse per
 * hit, where the HTML alone (the one string that big) takes 1.0 and each base64 part under 0.1
 * (docs/benchmarks/pages.md, session 19).
 * @param {any} data Next's entry
 * @param {unknown} cacheControl
 */
export function columnsOf(data, cacheControl) {
  const rest = { ...data };
  // Each part leaves the JSON only as what its column holds; anything else (a route's entry, a
  // part of another shape) stays in the JSON, as it was.
  const html = typeof data.html === 'string' ? data.html : null;
  const rscData = Buffer.isBuffer(data.rscData) ? data.rscData.toString('base64') : null;
  const segmentData = data.segmentData instanceof Map
    ? JSON.stringify([...data.segmentData].map(([segment, bytes]) => [segment, Buffer.from(bytes).toString('base64')]))
    : null;
  if (html !== null) delete rest.html;
  if (rscData !== null) delete rest.rscData;
  if (segmentData !== null) delete rest.segmentData;
  return { value: serialise({ value: rest, cacheControl }), html, rscData, segmentData };
}

/**
 * An entry as Next reads it, from its columns (columnsOf); an entry without them keeps everything
 * in `value`, and is read from it.
 * @param {{ value: string; html: string | null; rscData: string | null; segmentData: string | null }} row
 */
export function entryOf(row) {
  const entry = deserialise(row.value);
  if (row.html !== null) entry.value.html = row.html;
  if (row.rscData !== null) entry.value.rscData = Buffer.from(row.rscData, 'base64');
  if (row.segmentData !== null) {
    entry.value.segmentData = new Map(JSON.parse(row.segmentData).map((/** @type {[string, string]} */ [segment, bytes]) => [segment, Buffer.from(bytes, 'base64')]));
  }
  return entry;
}

// Entries hold Buffers (the RSC payload) and a Map of them (per-segment prefetch data).
/** @param {unknown} value */
export function serialise(value) {
  return JSON.stringify(value, function (name, item) {
    const raw = this[name];
    if (Buffer.isBuffer(raw)) return { $buffer: raw.toString('base64') };
    if (raw instanceof Map) return { $map: [...raw.entries()] };
    return item;
  });
}

/** @param {string} text */
export function deserialise(text) {
  return JSON.parse(text, (_name, item) => {
    if (item && typeof item === 'object' && typeof item.$buffer === 'string') return Buffer.from(item.$buffer, 'base64');
    if (item && typeof item === 'object' && Array.isArray(item.$map)) return new Map(item.$map);
    return item;
  });
}
