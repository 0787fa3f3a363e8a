/**
 * How an ask can fail other than by a fault: the errors of the door through which the command line
 * and the server ask (CLI exit 2 or 1, HTTP 400, 404 or 422). Models and importers throw them.
 */

/** A mistake in how a command or request was asked (CLI exit 2, HTTP 400). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A request well asked whose selection holds nothing to give (CLI exit 1, HTTP 422). */
export class NothingSelected extends Error {
  override name = 'NothingSelected';
}

/** An item the request names that the workspace does not hold (CLI exit 1, HTTP 404). */
export class NotFound extends Error {
  override name = 'NotFound';
}
