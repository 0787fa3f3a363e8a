/**
 * What the dashboard's server answers when it refuses a request (app/server): the guards, the
 * token, the address, the routes' own checks. Sent as `{ "error": en, "error_zh": zh }`; header
 * names, paths and what the request carried are values, shown as they came.
 */
import type { Catalogue } from './catalogue.ts';

export const SERVER_ERRORS = {
  methodNotAllowed: { en: 'method not allowed', zh: '不允许此请求方法' },
  noEndpoint: { en: 'no such endpoint: {path}', zh: '没有这个接口：{path}' },
  internal: {
    en: "the server could not answer this request (internal error); see the server's log",
    zh: '服务器无法响应此请求（内部错误）；请查看服务器日志',
  },
  useGet: { en: 'use GET', zh: '请使用 GET' },
  usePost: { en: 'use POST', zh: '请使用 POST' },
  usePostFile: { en: 'use POST with the file as the body', zh: '请使用 POST，并以文件作为请求体' },
  usePostFilePart: {
    en: 'use POST with the file (or its first part) as the body',
    zh: '请使用 POST，并以文件（或其开头部分）作为请求体',
  },
  batchNumber: { en: 'batch must be a batch number', zh: 'batch 必须是批次编号' },
  tableKind: { en: '{name} must be one of the canonical tables, not "{value}"', zh: '{name} 必须是规范表之一，而不是 "{value}"' },
  mappingJson: { en: 'mapping must be JSON', zh: 'mapping 必须是 JSON' },
  targetPath: { en: 'the request target must be a path starting with /', zh: '请求目标必须是以 / 开头的路径' },
  targetInvalid: { en: 'the request target is not a valid address', zh: '请求目标不是有效的地址' },
  brokenEscape: {
    en: 'the address has a malformed % escape (a % must be followed by two hex digits)',
    zh: '地址中有格式错误的 % 转义（% 后面必须是两个十六进制数字）',
  },
  escapeNotUtf8: { en: 'the address has a % escape that is not UTF-8', zh: '地址中有不是 UTF-8 的 % 转义' },
  uploadTooLarge: {
    en: 'the file is larger than the upload limit of {mb} MB (LTC_MAX_UPLOAD_MB)',
    zh: '文件超过了 {mb} MB 的上传上限（LTC_MAX_UPLOAD_MB）',
  },
  wrongHost: {
    en: 'this LTC Lens server answers to {names} (port {port}), not to {host}: open the dashboard by the address the server printed',
    zh: '此 LTC Lens 服务器只响应 {names}（端口 {port}），不响应 {host}：请用服务器打印的地址打开仪表板',
  },
  noHost: {
    en: 'this LTC Lens server answers to {names} (port {port}), not to a request without a Host header: open the dashboard by the address the server printed',
    zh: '此 LTC Lens 服务器只响应 {names}（端口 {port}），不响应没有 Host 请求头的请求：请用服务器打印的地址打开仪表板',
  },
  hostsWildcard: {
    en: "{loopback}, this machine's name or one of its addresses",
    zh: '{loopback}、本机的名称或其地址之一',
  },
  hostsAllowed: { en: '{own} or {allowed}', zh: '{own} 或 {allowed}' },
  dashboardHeader: {
    en: 'a request that changes the workspace must come from the LTC Lens dashboard (header {header}: {value}); a page of another site cannot send it',
    zh: '更改工作区的请求必须来自 LTC Lens 仪表板（请求头 {header}: {value}）；其他网站的页面无法发送它',
  },
  foreignOrigin: {
    en: "a request that changes the workspace must come from this server's own pages, not from {origin}",
    zh: '更改工作区的请求必须来自本服务器自己的页面，而不是来自 {origin}',
  },
  allowedOrigin: {
    en: 'LTC_ALLOWED_ORIGINS: {value} is not an origin like https://ltc.example.com (scheme, host and port only)',
    zh: 'LTC_ALLOWED_ORIGINS：{value} 不是形如 https://ltc.example.com 的源（只含协议、主机和端口）',
  },
  tooManyTokens: {
    en: 'too many wrong access tokens from this address: try again in {wait} s',
    zh: '此地址的错误访问令牌过多：请在 {wait} 秒后重试',
  },
  tokenNeeded: {
    en: 'this LTC Lens server needs its access token (Authorization: Bearer <LTC_TOKEN>, or open /?token=<LTC_TOKEN> once)',
    zh: '此 LTC Lens 服务器需要访问令牌（Authorization: Bearer <LTC_TOKEN>，或打开一次 /?token=<LTC_TOKEN>）',
  },
  linksBodyTooLarge: {
    en: 'the body is too large: send at most 1 MB of suggestion ids',
    zh: '请求体过大：最多发送 1 MB 的建议 ID',
  },
  numberFrom0To1: { en: '{name} must be a number from 0 to 1, not "{value}"', zh: '{name} 必须是 0 到 1 之间的数，而不是 "{value}"' },
  linksBodyJson: { en: 'the body must be JSON: {ids} or {minConfidence}', zh: '请求体必须是 JSON：{ids} 或 {minConfidence}' },
  idsList: { en: 'ids must be a list of suggestion ids', zh: 'ids 必须是建议 ID 的列表' },
  idsOrMinConfidence: { en: 'give ids or min_confidence, not both', zh: '请给出 ids 或 min_confidence，不能同时给出' },
  rejectTakesIds: { en: 'reject takes suggestion ids, not min_confidence', zh: 'reject 只接受建议 ID，不接受 min_confidence' },
  nameIdsOrMinConfidence: { en: 'name the suggestion ids, or min_confidence', zh: '请指定建议 ID，或给出 min_confidence' },
  nameIds: { en: 'name the suggestion ids', zh: '请指定建议 ID' },
} as const satisfies Catalogue;
