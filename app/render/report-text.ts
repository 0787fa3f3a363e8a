/** The evaluation report's words in English and Chinese (app/render/report-html.ts); numbers: models/messages/format.ts. */
import type { Lang } from '../../models/messages/catalogue.ts';
import { count, daysWithUnit, percent } from '../../models/messages/format.ts';

export const REPORT_TEXT = {
  en: {
    title: 'Transformation evaluation',
    header: {
      cutover: (d: string) => `cut-over ${d}`,
      ranges: (before: string, after: string) => `before ${before}, after ${after}`,
      dataEnd: (d: string | null) => (d ? `data through ${d.slice(0, 10)}` : 'no data loaded'),
      window: (w: number) => `conversion window ${w} days`,
      excluded: (n: number) => `first ${n} days after the cut-over left out`,
      generated: (at: string) => `generated ${at.replace('T', ' ').slice(0, 16)} UTC`,
    },
    sections: {
      summary: 'Before and after', trends: 'When did it change?', distributions: 'Durations before and after',
      survival: 'Time to order and to cash, open cases counted', mix: 'Was it the process or the mix?',
      methods: 'Methods', quality: 'Data quality',
    },
    table: {
      measure: 'Measure', before: 'Before', after: 'After', change: 'Change', ci: '95% CI of the difference', p: 'p-value',
      footnote: 'Change = (after − before) ÷ before. The interval is of after − before: percentage points for the rate (Newcombe), days for the median of a duration (seeded bootstrap). p-values: two-proportion z-test for the rate, Mann–Whitney U for durations.',
    },
    verdict: {
      improved: 'improved (significant)', worse: 'worse (significant)', notSignificant: 'not significant at 5%',
      unknown: 'not testable',
    },
    change: {
      suggested: (s: string, chosen: string | null, same: boolean) => same
        ? `The monthly series change most at ${s}, the cut-over of this report. Months with very few judged items are left out.`
        : `The monthly series change most at ${s}${chosen ? `; this report's cut-over is ${chosen}` : ''}. Lines: monthly values; bars: each side's mean.`,
      tooShort: 'Fewer than four months with data: no change date can be suggested.',
    },
    distributions: {
      intro: 'Share of completed items by duration (the slowest 2% folded into the last bar).',
      medians: (b: number | null, a: number | null) => `median ${daysWithUnit(b, 'en')} → ${daysWithUnit(a, 'en')}`,
    },
    survival: {
      why: 'A naive average of the leads that already converted leaves out every lead still open — and the recent period has more of them, so it looks faster than it is. These Kaplan–Meier curves keep open leads as censored at the data end; the log-rank test compares the whole curves.',
      within90: (b: string, a: string) => `within 90 days ${b} → ${a}`,
    },
    mix: {
      intro: (by: string) => `Each measure compared within ${by} values and re-weighted to the before mix (direct standardization). When the pooled and the adjusted change disagree, the mix moved, not the process.`,
      pooled: 'Pooled change', adjusted: 'Mix-adjusted change', coverage: 'Coverage',
      strata: (by: string) => `Before → after by ${by}`,
    },
    methods: {
      test: 'Test',
      body: `<p><strong>Measures</strong> (definitions: docs/measures.md of LTC Lens): lead conversion = leads with an order within the window ÷ leads old enough to be judged; sales cycle = first order − lead created; order processing = last delivery − order created; collection = moment payments reach the invoice amount − invoice issued; lead-to-cash = cash of the first order − lead created. Each item belongs to the period of its start event.</p>
<p><strong>Tests.</strong> Rate: two-proportion z-test (pooled standard error) and Newcombe's hybrid score interval of the difference. Durations: Mann–Whitney U with tie correction and continuity correction (normal approximation) and a seeded percentile bootstrap (2,000 resamples) of the difference of medians. Across 200 simulated worlds without change about 5% are flagged at p &lt; 0.05, as they should be.</p>
<p><strong>Censoring.</strong> Leads younger than the window are not counted in the rate (reported as censored); open orders, invoices and leads are not counted as durations. The time-to-event curves count them as censored instead of dropping them.</p>
<p><strong>Mix.</strong> The adjusted change re-weights each stratum's after value by its share of the before items; a disagreement in direction with the pooled change is flagged as Simpson's paradox.</p>
<p><strong>Change date.</strong> For each measure, the split of its monthly series into two means that explains most of its weighted variance.</p>`,
    },
    quality: {
      rows: 'Rows per table', imports: 'Imports', links: 'Link quality', censoring: 'Items and open (censored) items per period', open: 'open',
      importLine: (files: number, read: number, loaded: number, rejected: number) =>
        `${files} files imported: ${count(read)} rows read, ${count(loaded)} loaded, ${count(rejected)} rejected (kept with their reasons).`,
      linkLine: (traced: number, total: number, share: number | null) => `${count(traced)} of ${count(total)} orders traced back to a lead (${percent(share)}).`,
    },
  },
  zh: {
    title: '转型效果评估',
    header: {
      cutover: (d: string) => `切换日 ${d}`,
      ranges: (before: string, after: string) => `优化前 ${before}，优化后 ${after}`,
      dataEnd: (d: string | null) => (d ? `数据截至 ${d.slice(0, 10)}` : '尚未导入数据'),
      window: (w: number) => `转化窗口 ${w} 天`,
      excluded: (n: number) => `剔除切换后前 ${n} 天`,
      generated: (at: string) => `生成于 ${at.replace('T', ' ').slice(0, 16)} UTC`,
    },
    sections: {
      summary: '优化前后对比', trends: '何时发生变化？', distributions: '优化前后的时长分布',
      survival: '下单与回款所需时间（计入未完成案例）', mix: '是流程改进还是构成变化？',
      methods: '方法说明', quality: '数据质量',
    },
    table: {
      measure: '指标', before: '优化前', after: '优化后', change: '提升幅度', ci: '差值 95% 置信区间', p: 'p 值',
      footnote: '提升幅度 =（优化后 − 优化前）÷ 优化前。区间为优化后 − 优化前：转化率为百分点（Newcombe 区间），时长为中位数之差的天数（固定种子自助法）。p 值：转化率用两比例 z 检验，时长用 Mann–Whitney U 检验。',
    },
    verdict: { improved: '显著改善', worse: '显著变差', notSignificant: '在 5% 水平下不显著', unknown: '无法检验' },
    change: {
      suggested: (s: string, chosen: string | null, same: boolean) => same
        ? `月度序列在 ${s} 变化最大，与本报告的切换日一致。可判断项目过少的月份未画出。`
        : `月度序列在 ${s} 变化最大${chosen ? `；本报告的切换日为 ${chosen}` : ''}。折线：月度值；横线：两段的均值。`,
      tooShort: '有数据的月份少于四个，无法建议变化日期。',
    },
    distributions: {
      intro: '已完成项目按时长的占比（最慢的 2% 归入最后一栏）。',
      medians: (b: number | null, a: number | null) => `中位数 ${daysWithUnit(b, 'zh')} → ${daysWithUnit(a, 'zh')}`,
    },
    survival: {
      why: '只对已转化线索求平均会遗漏所有仍未完成的线索——而近期未完成的更多，于是看起来比实际更快。下方 Kaplan–Meier 曲线把未完成线索按数据截止日计为删失；log-rank 检验比较整条曲线。',
      within90: (b: string, a: string) => `90 天内 ${b} → ${a}`,
    },
    mix: {
      intro: (by: string) => `每个指标在 ${by} 各取值内比较，并按优化前的构成重新加权（直接标准化）。若总体变化与调整后变化方向不一致，变化来自构成而非流程。`,
      pooled: '总体变化', adjusted: '按构成调整后的变化', coverage: '覆盖',
      strata: (by: string) => `按 ${by} 分层：优化前 → 优化后`,
    },
    methods: {
      test: '检验',
      body: `<p><strong>指标</strong>（定义见 LTC Lens 的 docs/measures.md）：客户转化率 = 窗口内下单的线索 ÷ 足够久可判断的线索；销售周期 = 首单 − 线索创建；订单处理时间 = 最后发货 − 订单创建；平均收款周期 = 回款累计达到发票金额的时刻 − 开票；线索到回款周期 = 首单回款 − 线索创建。每个项目按其起始事件归入时期。</p>
<p><strong>检验</strong>：转化率用两比例 z 检验（合并标准误）及 Newcombe 混合得分区间；时长用带结校正和连续性校正的 Mann–Whitney U 检验（正态近似），以及中位数之差的固定种子百分位自助法（2,000 次重抽样）。在 200 个无变化的模拟场景中约 5% 在 p &lt; 0.05 下被判为显著，符合预期。</p>
<p><strong>删失</strong>：尚不足窗口期的线索不计入转化率（报告为删失）；未完成的订单、发票和线索不计入时长。时间-事件曲线把它们计为删失而非丢弃。</p>
<p><strong>构成</strong>：调整后的变化按各层在优化前项目中的占比对其优化后值加权；若与总体变化方向相反，标记为辛普森悖论。</p>
<p><strong>变化日期</strong>：对每个指标，选择把月度序列分成两段均值、解释加权方差最多的切分点。</p>`,
    },
    quality: {
      rows: '各表行数', imports: '导入', links: '关联质量', censoring: '各时期的项目数与未完成（删失）数', open: '未完成',
      importLine: (files: number, read: number, loaded: number, rejected: number) =>
        `共导入 ${files} 个文件：读取 ${count(read, 'zh')} 行，载入 ${count(loaded, 'zh')} 行，拒收 ${count(rejected, 'zh')} 行（均保留原因）。`,
      linkLine: (traced: number, total: number, share: number | null) => `${count(total, 'zh')} 个订单中有 ${count(traced, 'zh')} 个可追溯到线索（${percent(share)}）。`,
    },
  },
} satisfies Record<Lang, unknown>;

export type ReportText = (typeof REPORT_TEXT)['en'];
