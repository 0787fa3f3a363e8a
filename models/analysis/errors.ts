/**
 * How an ask can fail other than by a fault: the errors of the door through which the command line
 * and the server ask (CLI exit 2 or 1, HTTP 400, 404, 409 or 422). Models and importers throw them, their
 * texts said from a catalogue in every language (models/messages/errors*.ts), so the server answers
 * `{ error, error_zh }` and `ltc --lang zh` prints Chinese.
 */
import { SaidError } from '../messages/catalogue.ts';

/** A mistake in how a command or request was asked (CLI exit 2, HTTP 400). */
export class UsageError extends SaidError {
  override name = 'UsageError';
}

/** A request well asked whose selection holds nothing to give (CLI exit 1, HTTP 422). */
export class NothingSelected extends SaidError {
  override name = 'NothingSelected';
}

/** An item the request names that the workspace does not hold (CLI exit 1, HTTP 404). */
export class NotFound extends SaidError {
  override name = 'NotFound';
}

/** A request the workspace's state refuses now, such as undoing a batch already undone (CLI exit 1, HTTP 409). */
export class Conflict extends SaidError {
  override name = 'Conflict';
}
