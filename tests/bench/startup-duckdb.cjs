// The floor under any `ltc` command that reads a workspace: load DuckDB, open the file, SELECT 1, close.
const { DuckDBInstance } = require('@duckdb/node-api');
(async () => {
  const instance = await DuckDBInstance.create(process.argv[2]);
  const connection = await instance.connect();
  await (await connection.runAndReadAll('SELECT 1')).getRows();
  connection.closeSync();
  instance.closeSync();
})();
