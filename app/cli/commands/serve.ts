/** `ltc serve` and the hidden `ltc start` behind `npm start`. */
import { type Command } from '../command.ts';
import { serve, startWorkspace } from '../serve.ts';

export const commands: Record<string, Command> = {

  serve: {
    args: '[--port N] [--host H]',
    summary: 'the dashboard on this database, as it is',
    options: { port: { type: 'string' }, host: { type: 'string' } },
    run: (context) => serve(context),
  },


  start: {
    args: '[--port N]',
    summary: 'the dashboard on the workspace, loading the sample data into an empty one (npm start)',
    options: { port: { type: 'string' }, host: { type: 'string' } },
    hidden: true,
    run: (context) => startWorkspace(context),
  },
};
