/**
 * vitest globalSetup: one temp folder per test run, made the workers' and their child processes'
 * TMPDIR (what os.tmpdir() returns), and removed when the run ends. The workspaces, uploads and
 * dashboard builds the tests make then do not pile up in /tmp: test workers are ended without an
 * 'exit' event, so they cannot clean up after themselves.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const folder = mkdtempSync(join(tmpdir(), 'ltc-test-run-'));
  process.env.TMPDIR = folder;
  return () => rmSync(folder, { recursive: true, force: true });
}
