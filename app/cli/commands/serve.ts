/**
 * `ltc serve` and the hidden `ltc start` behind `npm start`. The server (and the report and charts
 * it draws) is loaded when one of them runs, not at every start of `ltc`.
 */
import { type Command } from '../command.ts';

const server = () => import('../serve.ts');

export const commands: Record<string, Command> = {

  serve: {
    args: '[--port N] [--host H]',
    summary: 'the dashboard on this database, as it is',
    options: { port: { type: 'string' }, host: { type: 'string' } },
    run: async (context) => (await server()).serve(context),
  },


  start: {
    args: '[--port N]',
    summary: 'the dashboard on the workspace, loading the sample data into an empty one (npm start)',
    options: { port: { type: 'string' }, host: { type: 'string' } },
    hidden: true,
    run: async (context) => (await server()).startWorkspace(context),
  },
};
