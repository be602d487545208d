/** Structured data and metadata for pages. */

/**
 * Serialises JSON-LD for a `<script type="application/ld+json">` element. `<` is escaped so that no
 * text from the content (a title containing `</script>`) can close the element.
 */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export interface NewsArticleInput {
  url: string;
  headline: string;
  description: string;
  datePublished: string;
  dateModified?: string;
  author?: string;
  publisher: string;
  publisherLogo?: string;
  image?: string;
  section?: string;
  keywords?: readonly string[];
}

/** A schema.org NewsArticle. */
export function newsArticle(input: NewsArticleInput) {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    url: input.url,
    headline: input.headline,
    description: input.description,
    inLanguage: 'vi',
    datePublished: input.datePublished,
    dateModified: input.dateModified ?? input.datePublished,
    ...(input.author ? { author: { '@type': 'Person', name: input.author } } : { author: { '@type': 'Organization', name: input.publisher } }),
    publisher: { '@type': 'Organization', name: input.publisher, ...(input.publisherLogo ? { logo: { '@type': 'ImageObject', url: input.publisherLogo } } : {}) },
    ...(input.image ? { image: [input.image] } : {}),
    ...(input.section ? { articleSection: input.section } : {}),
    ...(input.keywords?.length ? { keywords: input.keywords.join(', ') } : {}),
  };
}
