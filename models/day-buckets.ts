/** Ranges of whole days that a count is split into (receivables aging, cases waiting in a transition). */
export interface DayBucket<Id extends string, Min extends number | null = number | null> {
  readonly id: Id;
  readonly label: string;
  readonly label_zh: string;
  /** the bounds of the range, as the list of buckets defines them; null = unbounded */
  readonly min_days: Min;
  readonly max_days: number | null;
}
