/**
 * The errors of files and the workspace: exports (models/export/), notebooks (models/notebook/) and
 * opening the workspace file (models/db/instance.ts). Paths, SQL keywords and DuckDB's own words are
 * values, shown as they are.
 */
import type { Catalogue } from './catalogue.ts';

export const EXPORT_ERRORS = {
  format: { en: 'format must be xes, ocel or csv', zh: 'format 必须是 xes、ocel 或 csv' },
  formatNot: { en: 'format must be xes, ocel or csv, not "{value}"', zh: 'format 必须是 xes、ocel 或 csv，而不是 "{value}"' },
  noEventsMatch: { en: 'no events of the log match the filters: nothing to export', zh: '日志中没有符合筛选条件的事件：没有可导出的内容' },
  logEmpty: { en: 'the event log is empty: nothing to export (import data first)', zh: '事件日志为空：没有可导出的内容（请先导入数据）' },
  partition: { en: '--partition must be {choices}, not "{value}"', zh: '--partition 必须是 {choices} 之一，而不是 "{value}"' },
  outFolderMissing: { en: 'the folder of --out does not exist: {folder}', zh: '--out 所在的文件夹不存在：{folder}' },
  outIsFile: { en: '--out {out} is a file, not a folder', zh: '--out {out} 是文件，不是文件夹' },
  outNotEmpty: {
    en: '--out {out} is not empty: choose a new or empty folder (nothing was written)',
    zh: '--out {out} 不是空文件夹：请选择新的或空的文件夹（未写入任何内容）',
  },
  partialLeft: {
    en: '{partial} exists (left by an export that was stopped?): remove it or choose another --out',
    zh: '{partial} 已存在（是中断的导出留下的吗？）：请删除它或选择其他 --out',
  },
} as const satisfies Catalogue;

export const NOTEBOOK_ERRORS = {
  notebookName: {
    en: 'a notebook is named by its file in notebooks/, like bottleneck-review.md, not "{value}"',
    zh: '笔记本以其在 notebooks/ 中的文件名命名，如 bottleneck-review.md，而不是 "{value}"',
  },
  noNotebook: { en: 'no notebook named {file} in notebooks/', zh: 'notebooks/ 中没有名为 {file} 的笔记本' },
  readOnlyKeyword: {
    en: 'only read-only queries run in a notebook ({keywords}); this block starts with {keyword}',
    zh: '笔记本中只能运行只读查询（{keywords}）；此代码块以 {keyword} 开头',
  },
  readOnlyNothing: {
    en: 'only read-only queries run in a notebook ({keywords}); this block starts with nothing',
    zh: '笔记本中只能运行只读查询（{keywords}）；此代码块是空的',
  },
  oneStatement: {
    en: 'a block holds one query; this one has {count} statements',
    zh: '一个代码块只能包含一个查询；此代码块有 {count} 条语句',
  },
  notOneQuery: {
    en: 'only read-only queries run in a notebook, and DuckDB does not read this block as one',
    zh: '笔记本中只能运行只读查询，而 DuckDB 不认为此代码块是只读查询',
  },
  duckdbStatements: {
    en: 'a block holds one query; DuckDB reads {count} statements here',
    zh: '一个代码块只能包含一个查询；DuckDB 在此读到 {count} 条语句',
  },
} as const satisfies Catalogue;

export const WORKSPACE_ERRORS = {
  heldByServer: {
    en: 'workspace {path} is in use by `ltc serve` at {url} (pid {pid}): use the dashboard there, or stop the server (Ctrl+C) and run this command again',
    zh: '工作区 {path} 正被 {url} 上的 `ltc serve` 使用（pid {pid}）：请在那里使用仪表板，或停止服务器（Ctrl+C）后重新运行此命令',
  },
  heldByProcess: {
    en: 'workspace {path} is in use by another process: wait for it to finish or stop it, then run this command again',
    zh: '工作区 {path} 正被另一个进程使用：请等待其结束或停止它，然后重新运行此命令',
  },
  heldByPid: {
    en: 'workspace {path} is in use by another process (pid {pid}): wait for it to finish or stop it, then run this command again',
    zh: '工作区 {path} 正被另一个进程（pid {pid}）使用：请等待其结束或停止它，然后重新运行此命令',
  },
  newerSchema: {
    en: 'database {path} has schema version {version}, newer than this LTC Lens ({ours}); upgrade LTC Lens',
    zh: '数据库 {path} 的架构版本为 {version}，比此 LTC Lens 支持的版本（{ours}）新；请升级 LTC Lens',
  },
  cannotOpen: { en: 'cannot open workspace {path}: {reason}', zh: '无法打开工作区 {path}：{reason}' },
  logNotReplayed: {
    en: 'cannot open workspace {path}: its write-ahead log cannot be replayed ({reason}); the log is kept as {kept} — see docs/safety.md, "A workspace that does not open"',
    zh: '无法打开工作区 {path}：其预写日志无法重放（{reason}）；日志已保留为 {kept} — 参见 docs/safety.md 中的 "A workspace that does not open"',
  },
} as const satisfies Catalogue;
