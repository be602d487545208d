/** Ports and listening sockets, for tests that start servers of their own. */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** A TCP port that is free on the loopback interface right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** `0100007F` (little-endian IPv4 in /proc/net/tcp) → `127.0.0.1`; IPv6 as its 32 hex digits. */
function procAddress(hex: string): string {
  if (hex.length === 8) return hex.match(/../g)!.reverse().map((b) => parseInt(b, 16)).join('.');
  return hex;
}

/**
 * The local addresses on which something listens on `port`, read from the kernel's socket tables
 * (Linux): `0.0.0.0` or an IPv6 wildcard would mean every interface.
 */
export function listeningAddresses(port: number): string[] {
  const LISTEN = '0A';
  const addresses: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.trim().split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      const [hex, portHex] = local.split(':');
      if (state === LISTEN && parseInt(portHex, 16) === port) addresses.push(procAddress(hex));
    }
  }
  return addresses;
}
