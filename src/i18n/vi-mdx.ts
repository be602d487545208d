/** What the content components show readers; also bundled into the CMS's editor previews, hence its own module. */
export const viMdx = {
  hoChiMinh: 'Chủ tịch Hồ Chí Minh',
  noteTitle: 'Lưu ý',
  download: 'Tải về',
  videoOpen: (title: string) => `Xem video: ${title}`,
  videoPrivacy: 'Video được tải từ YouTube khi bạn bấm vào đây.',
  videoOnYouTube: 'Xem trên YouTube',
} as const;
