// The floor under any `ltc` command that reads a workspace: load DuckDB, open the file, SELECT 1, close.
// A second argument loads DuckDB's API from that file (the build's one-file copy) instead of the package.
const { DuckDBInstance } = require(process.argv[3] ?? '@duckdb/node-api');
(async () => {
  const instance = await DuckDBInstance.create(process.argv[2]);
  const connection = await instance.connect();
  await (await connection.runAndReadAll('SELECT 1')).getRows();
  connection.closeSync();
  instance.closeSync();
})();
