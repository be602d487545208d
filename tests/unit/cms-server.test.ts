/**
 * decap-server, the CMS's local backend, writes to the repository for anyone who can reach it: it
 * must listen on the loopback interface only, however it is started.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { decapServerEnv, startDecapServer } from '../../scripts/decap-server';
import { freePort, listeningAddresses } from '../support/network';

const repo = mkdtempSync(join(tmpdir(), 'cms-server-'));
execFileSync('git', ['init', '-q', '-b', 'main', repo]);
afterAll(() => rmSync(repo, { recursive: true, force: true }));

/** Whether a TCP connection to host:port is accepted. */
const accepts = (host: string, port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

describe('decap-server', () => {
  it('is told to bind to 127.0.0.1, in Git mode, on the given repository', () => {
    expect(decapServerEnv({ repo: '/srv/site', port: 8081 })).toMatchObject({ BIND_HOST: '127.0.0.1', MODE: 'git', GIT_REPO_DIRECTORY: '/srv/site', PORT: '8081' });
  });

  it('(the check itself sees a server that listens on every interface)', async () => {
    const port = await freePort();
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(port, resolve));
    try {
      expect(listeningAddresses(port).some((a) => a === '0.0.0.0' || /^0+$/.test(a))).toBe(true);
    } finally {
      server.close();
    }
  });

  it('listens on 127.0.0.1 only, even when the environment asks for every interface', async () => {
    const port = await freePort();
    const saved = process.env.BIND_HOST;
    process.env.BIND_HOST = '0.0.0.0';
    const server = await startDecapServer({ repo, port }, { quiet: true }).finally(() => {
      if (saved === undefined) delete process.env.BIND_HOST;
      else process.env.BIND_HOST = saved;
    });
    try {
      expect(listeningAddresses(port)).toEqual(['127.0.0.1']);
      const external = Object.values(networkInterfaces())
        .flat()
        .find((i) => i && i.family === 'IPv4' && !i.internal);
      if (external) expect(await accepts(external.address, port)).toBe(false);
      expect(await accepts('127.0.0.1', port)).toBe(true);
      const info = await fetch(server.url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"action":"info"}' });
      expect(await info.json()).toMatchObject({ type: 'local_git', publish_modes: ['simple', 'editorial_workflow'] });
    } finally {
      await server.stop();
    }
  });
});
