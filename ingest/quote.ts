/** Quoting for the SQL the loader builds from headers and generated names (never from row values). */
export { quoteIdent, quoteLiteral } from '../models/db/quote.ts';
