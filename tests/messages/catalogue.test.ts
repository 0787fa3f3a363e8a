/**
 * Every catalogue in models/messages: each message parses as an ICU message in every language and
 * uses the same placeholders in each, so no translation can drop or invent a value.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGS, placeholders, say, sayAll, type Catalogue } from '../../models/messages/catalogue.ts';

const dir = new URL('../../models/messages/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'catalogue.ts' && f !== 'format.ts');

const isMessage = (v: unknown) => !!v && typeof v === 'object' && LANGS.every((l) => typeof (v as Record<string, unknown>)[l] === 'string');
const isCatalogue = (v: unknown): v is Catalogue =>
  !!v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).length > 0 && Object.values(v).every(isMessage);

describe('message catalogues', () => {
  it('say fills values, chooses plural forms and refuses a missing value', () => {
    const demo = {
      waiting: { en: '{n, plural, one {# lead waits} other {# leads wait}} in {stage}', zh: '{stage} 有 {n} 条线索等待' },
    } as const satisfies Catalogue;
    expect(say(demo, 'waiting', 'en', { n: 1, stage: 'Quote' })).toBe('1 lead waits in Quote');
    expect(say(demo, 'waiting', 'en', { n: 1200, stage: 'Quote' })).toBe('1,200 leads wait in Quote');
    expect(sayAll(demo, 'waiting', { n: 2, stage: 'Q' })).toEqual({ en: '2 leads wait in Q', zh: 'Q 有 2 条线索等待' });
    expect(() => say(demo, 'waiting', 'en', { n: 2 })).toThrow();
  });

  for (const file of files) {
    it(`${file}: every message parses in every language with the same placeholders`, async () => {
      const module = (await import(new URL(file, dir).href)) as Record<string, unknown>;
      const catalogues = Object.entries(module).filter(([, v]) => isCatalogue(v)) as [string, Catalogue][];
      expect(catalogues.length, `${file} exports no catalogue`).toBeGreaterThan(0);
      for (const [name, catalogue] of catalogues) {
        for (const [id, message] of Object.entries(catalogue)) {
          const names = placeholders(message.en);
          for (const lang of LANGS) {
            expect(placeholders(message[lang]), `${name}.${id} (${lang})`).toEqual(names);
            const values = Object.fromEntries(names.map((n) => [n, 2]));
            expect(() => say(catalogue, id, lang, values), `${name}.${id} (${lang})`).not.toThrow();
          }
        }
      }
    });
  }
});
