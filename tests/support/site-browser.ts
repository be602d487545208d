import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser';
import { serveStatic } from './static-server';

export interface SiteBrowser {
  /** The served site's origin, e.g. http://127.0.0.1:40123 */
  readonly origin: string;
  readonly browser: Browser;
  /** A new browser context, closed with the others after the file's tests. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
}

/**
 * Serves a built site and opens Chromium for the tests of one file: started before they run, both
 * closed (with every context opened through it) after.
 */
export function useSiteBrowser(siteDir: string): SiteBrowser {
  let server: Awaited<ReturnType<typeof serveStatic>> | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    server = await serveStatic(siteDir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close();
    await server?.close();
  });
  return {
    get origin() {
      return server!.url;
    },
    get browser() {
      return browser!;
    },
    async newContext(options = {}) {
      const context = await browser!.newContext(options);
      contexts.push(context);
      return context;
    },
  };
}
