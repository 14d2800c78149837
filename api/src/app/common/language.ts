import type { Language } from '@sportello/contracts';

/** Picks Italian or English from an Accept-Language header; Italian by default. */
export function languageFromHeader(header: string | string[] | undefined): Language {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  const ranked = value
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.split('-')[0], quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.tag === 'it' || entry.tag === 'en')
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  return ranked[0]?.quality > 0 ? (ranked[0].tag as Language) : 'it';
}
