/** The site's URL scheme, in one place. Every path ends with a slash. */
export const urls = {
  article: (slug: string) => `/bai-viet/${slug}/`,
  notice: (slug: string) => `/thong-bao/${slug}/`,
  notices: () => '/thong-bao/',
  noticeKind: (kind: string) => `/thong-bao/loai/${kind}/`,
  category: (slug: string) => `/chuyen-muc/${slug}/`,
  tag: (slug: string) => `/tu-khoa/${slug}/`,
  archive: () => '/luu-tru/',
  year: (year: number) => `/luu-tru/${year}/`,
  page: (slug: string) => `/${slug}/`,
  search: () => '/tim-kiem/',
};
