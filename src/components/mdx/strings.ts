/** What the content components show readers. */
export const viMdx = {
  hoChiMinh: 'Chủ tịch Hồ Chí Minh',
  noteTitle: 'Lưu ý',
  download: 'Tải về',
  videoOpen: (title: string) => `Xem video: ${title}`,
  videoPrivacy: 'Video được tải từ YouTube khi bạn bấm vào đây.',
  videoOnYouTube: 'Xem trên YouTube',
} as const;
