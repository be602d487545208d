/**
 * Share links for an entry's page. They are plain links to each network's share page: no network's
 * script loads until the reader clicks one (privacy, speed, and a page that works without JavaScript).
 */

export interface ShareLink {
  /** Network name as shown */
  name: string;
  href: string;
  /** Opens outside the site (a new tab); `mailto:` does not. */
  external: boolean;
}

/**
 * The share links of a page, in the order shown: Facebook, Zalo (only when the site has a Zalo
 * app / Official Account id: Zalo's share page needs one), e-mail.
 * @param url the page's canonical URL
 */
export function shareLinks(url: string, title: string, zaloAppId?: string): ShareLink[] {
  const u = encodeURIComponent(url);
  const links: ShareLink[] = [{ name: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${u}`, external: true }];
  if (zaloAppId) {
    // The address Zalo's own share plugin opens (sp.zalo.me/plugins/sdk.js), without loading the plugin.
    links.push({
      name: 'Zalo',
      href: `https://sp.zalo.me/plugins/share?oaid=${encodeURIComponent(zaloAppId)}&href=${u}&layout=1&color=blue&customize=false`,
      external: true,
    });
  }
  links.push({ name: 'Email', href: `mailto:?subject=${encodeURIComponent(title)}&body=${u}`, external: false });
  return links;
}
