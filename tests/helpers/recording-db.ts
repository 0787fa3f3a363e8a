/** A Database that records the text of every statement it is given, then passes it on. */
import type { Database } from '../../models/db/database.ts';

export function recordingDatabase(db: Database, statements: string[]): Database {
  const record = (sql: string) => { statements.push(sql); };
  return {
    path: db.path,
    scratch: db.scratch,
    notes: db.notes,
    shutdown: () => db.idle(),
    get generation() { return db.generation; },
    query: (sql, params) => { record(sql); return db.query(sql, params); },
    exec: (sql, params) => { record(sql); return db.exec(sql, params); },
    arrow: (sql, params) => { record(sql); return db.arrow(sql, params); },
    transaction: (work) => db.transaction(work),
    writing: (work) => db.writing(work),
    reading: (work, signal) => db.reading(work, signal),
    idle: () => db.idle(),
    close: () => undefined,
  };
}
