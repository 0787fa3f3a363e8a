/**
 * The refusals of `ltc` commands that do more than ask one analysis (app/cli): importing, undoing,
 * links, exports, the report, notebooks and `serve`. `ltc --lang zh` prints them in Chinese; flags,
 * paths and what was typed are values, shown as they are.
 */
import type { Catalogue } from './catalogue.ts';

export const CLI_ERRORS = {
  port: { en: '--port must be a port number, not "{value}"', zh: '--port 必须是端口号，而不是 "{value}"' },
  hostWithoutToken: {
    en: 'refusing to listen on {host} without LTC_TOKEN: set LTC_TOKEN to require a bearer token, or keep the default 127.0.0.1',
    zh: '拒绝在没有 LTC_TOKEN 的情况下监听 {host}：请设置 LTC_TOKEN 以要求持有者令牌，或保留默认的 127.0.0.1',
  },
  shortToken: {
    en: 'refusing to listen on {host} with an LTC_TOKEN of {length} characters: beyond this machine it must have at least {min} (e.g. openssl rand -hex 16), or it can be guessed',
    zh: '拒绝以 {length} 个字符的 LTC_TOKEN 监听 {host}：在本机之外它至少要有 {min} 个字符（例如 openssl rand -hex 16），否则可能被猜中',
  },
  limitWithout: { en: '--limit goes with --transition or --cases', zh: '--limit 只与 --transition 或 --cases 一起使用' },
  linksSubcommand: {
    en: 'unknown links subcommand "{value}": use suggest, accept or reject',
    zh: '未知的 links 子命令 "{value}"：请使用 suggest、accept 或 reject',
  },
  minConfidenceBelongs: {
    en: '--min-confidence belongs to links suggest or links accept',
    zh: '--min-confidence 只属于 links suggest 或 links accept',
  },
  minConfidence: { en: '--min-confidence must be a number from 0 to 1, not "{value}"', zh: '--min-confidence 必须是 0 到 1 之间的数，而不是 "{value}"' },
  suggestTakesNoIds: { en: 'links suggest takes no ids (got {ids})', zh: 'links suggest 不接受 ID（收到了 {ids}）' },
  rejectTakesIds: {
    en: 'links reject takes suggestion ids, not --min-confidence',
    zh: 'links reject 只接受建议 ID，不接受 --min-confidence',
  },
  idsOrMinConfidence: { en: 'links {sub} takes ids or --min-confidence, not both', zh: 'links {sub} 接受 ID 或 --min-confidence，不能同时给出' },
  acceptNeeds: {
    en: 'links accept needs --min-confidence C or suggestion ids (ltc links suggest lists them)',
    zh: 'links accept 需要 --min-confidence C 或建议 ID（ltc links suggest 会列出它们）',
  },
  rejectNeeds: {
    en: 'links reject needs suggestion ids (ltc links suggest lists them)',
    zh: 'links reject 需要建议 ID（ltc links suggest 会列出它们）',
  },
  adapter: { en: '--adapter must be one of {choices}, not "{value}"', zh: '--adapter 必须是 {choices} 之一，而不是 "{value}"' },
  filesToImport: { en: 'name at least one file to import', zh: '请至少指定一个要导入的文件' },
  batchFlag: { en: '--batch must be a batch number (ltc imports lists them)', zh: '--batch 必须是批次编号（ltc imports 会列出它们）' },
  oneBatch: { en: 'name one batch number (ltc imports lists them)', zh: '请指定一个批次编号（ltc imports 会列出它们）' },
  outFolderRequired: { en: '--out DIR is required (a new or empty folder)', zh: '缺少 --out DIR（新的或空的文件夹）' },
  outHtmlRequired: { en: '--out FILE.html is required', zh: '缺少 --out FILE.html' },
  outFileRequired: { en: '--out FILE is required', zh: '缺少 --out FILE' },
  nameNotebook: { en: 'name the notebook: ltc notebook FILE.md --out FILE.html', zh: '请指定笔记本：ltc notebook FILE.md --out FILE.html' },
  oneNotebook: { en: 'one notebook at a time, not also {others}', zh: '一次只能处理一个笔记本，不能同时处理 {others}' },
  noNotebookFile: { en: 'no such notebook file: {path}', zh: '没有这个笔记本文件：{path}' },
} as const satisfies Catalogue;
