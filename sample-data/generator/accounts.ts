/** The customer companies: a pool drawn up front, written to accounts.csv, referenced by cases. */
import { INDUSTRIES, INDUSTRY_NAMES, NAME_CORES, OWNERS, OWNERS_BY_REGION, REGION_CITIES, REGION_MIX, REGIONS, SEGMENT_MIX, SEGMENTS } from './catalog.ts';
import type { CsvWriter } from './csv.ts';
import type { Random } from './random.ts';

const LEGAL_FORMS: ReadonlyArray<[string, string]> = [
  ['Co., Ltd.', '有限公司'],
  ['Co., Ltd.', '股份有限公司'],
  ['Group Co., Ltd.', '集团有限公司'],
  ['Industrial Co., Ltd.', '实业有限公司'],
];

export class AccountPool {
  readonly size: number;
  readonly region: Uint8Array;
  readonly segment: Uint8Array;
  readonly owner: Uint8Array;

  /** Draws `size` accounts and writes each to `out` as it goes. */
  constructor(size: number, rng: Random, out: CsvWriter) {
    this.size = size;
    this.region = new Uint8Array(size);
    this.segment = new Uint8Array(size);
    this.owner = new Uint8Array(size);
    for (let i = 0; i < size; i++) {
      const region = rng.weighted(REGION_MIX);
      const segment = rng.weighted(SEGMENT_MIX);
      const owner = rng.pick(OWNERS_BY_REGION[region]);
      const industry = rng.int(0, INDUSTRIES.length - 1);
      const [cityEn, cityZh] = rng.pick(REGION_CITIES[region]);
      const [coreEn, coreZh] = rng.pick(NAME_CORES);
      const [tradeEn, tradeZh] = rng.pick(INDUSTRY_NAMES[industry]);
      const [formEn, formZh] = rng.pick(LEGAL_FORMS);
      const name = rng.chance(0.7)
        ? `${cityEn} ${coreEn} ${tradeEn} ${formEn}`
        : `${cityZh}${coreZh}${tradeZh}${formZh}`;
      this.region[i] = region;
      this.segment[i] = segment;
      this.owner[i] = owner;
      out.write([accountId(i), name, INDUSTRIES[industry], REGIONS[region], SEGMENTS[segment], OWNERS[owner].name]);
    }
  }

  draw(rng: Random): number {
    return Math.floor(rng.next() * this.size);
  }
}

export const accountId = (index: number): string => 'A' + String(index + 1).padStart(6, '0');
