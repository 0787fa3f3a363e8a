/**
 * How the server says an error: `{ "error": <English>, "error_zh": <Chinese> }` (docs/api.md#errors).
 * `error` is what it always was; the dashboard shows the text of its page's language.
 */
import { errorText, sayAll, type Message } from '../../models/messages/catalogue.ts';
import { SERVER_ERRORS } from '../../models/messages/server-errors.ts';

export interface ErrorBody {
  readonly error: string;
  readonly error_zh: string;
}

/** One line, as every refusal is. */
const firstLine = (text: string) => text.split('\n')[0];

/** The answer's body for a message said in every language. */
export const errorBody = (texts: Message): ErrorBody => ({ error: firstLine(texts.en), error_zh: firstLine(texts.zh) });

/** The answer's body for an error (its catalogue texts; a bare Error's message in both keys). */
export const errorBodyOf = (error: unknown): ErrorBody => errorBody({ en: errorText(error, 'en'), zh: errorText(error, 'zh') });

/** A refusal said from the server's catalogue. */
export const serverError = (id: keyof typeof SERVER_ERRORS & string, values?: Record<string, string>): ErrorBody =>
  errorBody(sayAll(SERVER_ERRORS, id, values));
