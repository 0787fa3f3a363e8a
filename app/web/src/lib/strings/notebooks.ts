/** Text of the Notebooks page (pages/NotebooksPage.svelte, components/notebooks), English and Simplified Chinese. */

import { bilingual } from './bilingual.ts';

export const notebookStrings = bilingual({
  en: {
    title: 'Notebooks',
    subtitle: 'Analyses written as Markdown with SQL, run against the whole workspace (the filters above do not apply). The same files render with ltc notebook.',
    list: 'Notebooks',
    none: 'No notebooks found in the notebooks/ folder.',
    download: 'Download HTML',
    running: 'Running the notebook…',
    dataThrough: (date: string) => `Data through ${date}`,
    problems: (n: number) => `${n} problem${n === 1 ? '' : 's'} in this notebook`,
    blockFailed: (name: string, line: number) => `Block ${name} (line ${line}) failed`,
    chartFailed: (line: number) => `Chart (line ${line}) cannot be drawn`,
    rows: (shown: string, total: string, all: boolean) => (all ? `${total} ${total === '1' ? 'row' : 'rows'}` : `First ${shown} of ${total} rows`),
    noRows: 'No rows.',
    sql: (name: string) => `SQL · ${name}`,
    chartLabel: (title: string) => `Chart: ${title}`,
    line: (n: number) => `line ${n}`,
  },
  zh: {
    title: '分析笔记',
    subtitle: '以 Markdown 加 SQL 编写的分析,基于整个工作区的数据运行(上方筛选条件不适用);同样的文件也可用 ltc notebook 生成。',
    list: '笔记列表',
    none: 'notebooks/ 文件夹中没有笔记。',
    download: '下载 HTML',
    running: '正在运行笔记…',
    dataThrough: (date: string) => `数据截至 ${date}`,
    problems: (n: number) => `此笔记有 ${n} 个问题`,
    blockFailed: (name: string, line: number) => `代码块 ${name}(第 ${line} 行)运行失败`,
    chartFailed: (line: number) => `图表(第 ${line} 行)无法绘制`,
    rows: (shown: string, total: string, all: boolean) => (all ? `共 ${total} 行` : `显示前 ${shown} 行,共 ${total} 行`),
    noRows: '没有数据行。',
    sql: (name: string) => `SQL · ${name}`,
    chartLabel: (title: string) => `图表:${title}`,
    line: (n: number) => `第 ${n} 行`,
  },
});

export type NotebookStrings = (typeof notebookStrings)['en'];
