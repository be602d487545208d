export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
}

/** Merges several lists into one feed, newest first (the feed mixes articles and notices). */
export function feedItems(...lists: FeedItem[][]): FeedItem[] {
  return lists.flat().sort((a, b) => b.pubDate.getTime() - a.pubDate.getTime() || a.link.localeCompare(b.link));
}
