/**
 * Counts of every protected grid of the insights, kept per month class × lot × council, from one
 * pass over the facts. A period [a, b] and its four month neighbours ([a−1, b], [a+1, b],
 * [a, b−1], [a, b+1]) are unions of five month classes (a−1, a, a+1..b−1, b, b+1); every lot
 * and council, one at a time or all together, is a variant. So the tables of every filter a
 * caller could request around this one cost a few sums, not another pass.
 */

export const BEFORE = 0;
export const FIRST = 1;
const MIDDLE = 2;
const LAST = 3;
export const AFTER = 4;
const CLASSES = 5;
/** Lot variants: 0 is all lots, 1..7 a single lot. */
export const LOT_VARIANTS = 8;

/** The classes of a period and of each of its month neighbours that can be requested (from ≤ to). */
export function periodClasses(from: number, to: number): { period: number[]; neighbours: number[][] } {
  if (from > to) return { period: [], neighbours: [] };
  if (from === to)
    return {
      period: [FIRST],
      neighbours: [
        [BEFORE, FIRST],
        [FIRST, AFTER],
      ],
    };
  const period = [FIRST, MIDDLE, LAST];
  return {
    period,
    neighbours: [
      [BEFORE, ...period],
      [...period, AFTER],
      [MIDDLE, LAST],
      [FIRST, MIDDLE],
    ],
  };
}

/** Which class a month falls in for the period [from, to], or −1 outside [from − 1, to + 1]. */
export function classOf(month: number, from: number, to: number): number {
  if (from > to) return -1;
  if (month === from) return FIRST;
  if (month === to) return LAST;
  if (month > from && month < to) return MIDDLE;
  if (month === from - 1) return BEFORE;
  if (month === to + 1) return AFTER;
  return -1;
}

export class Cube {
  /** Council variants: 0 is all councils, 1..K the councils of the region in a fixed order. */
  readonly councilVariants: number;
  private readonly data: Int32Array;
  private summed = false;

  constructor(
    /** Cells across all grids. */
    readonly size: number,
    readonly councils: readonly string[],
  ) {
    this.councilVariants = councils.length + 1;
    this.data = new Int32Array(CLASSES * LOT_VARIANTS * this.councilVariants * size);
  }

  private base(cls: number, lot: number, council: number): number {
    return ((cls * LOT_VARIANTS + lot) * this.councilVariants + council) * this.size;
  }

  /** Adds a month's counts of a single lot (1..7) and council (1..K), `size` values of `source` from `from`. */
  add(cls: number, lot: number, council: number, source: Int32Array, from: number): void {
    const base = this.base(cls, lot, council);
    for (let i = 0; i < this.size; i++) (this.data[base + i] as number) += source[from + i] as number;
  }

  /** Fills the "all lots" and "all councils" variants from the single ones; once, after the last add. */
  private sum(): void {
    if (this.summed) return;
    this.summed = true;
    const { size, councilVariants: k } = this;
    for (let cls = 0; cls < CLASSES; cls++) {
      for (let lot = 1; lot < LOT_VARIANTS; lot++) {
        for (let c = 1; c < k; c++) {
          const from = this.base(cls, lot, c);
          if (!this.data.subarray(from, from + size).some((v) => v !== 0)) continue;
          for (const [l, cc] of [
            [0, c],
            [lot, 0],
            [0, 0],
          ] as const) {
            const to = this.base(cls, l, cc);
            for (let i = 0; i < size; i++) (this.data[to + i] as number) += this.data[from + i] as number;
          }
        }
      }
    }
  }

  /** The counts of `length` cells from `offset`, over the given classes, for one lot and council variant. */
  counts(classes: readonly number[], lot: number, council: number, offset: number, length: number): number[] {
    this.sum();
    const out = new Array<number>(length).fill(0);
    for (const cls of classes) {
      const base = this.base(cls, lot, council) + offset;
      for (let i = 0; i < length; i++) out[i] = (out[i] as number) + (this.data[base + i] as number);
    }
    return out;
  }
}
