/**
 * The fixed vocabulary of the synthetic benchmark corpus (src/lib/corpus-generator.ts): real
 * Vietnamese names, phrases and sentence parts about Party-building and "học tập và làm theo Bác",
 * written in NFC with the new tone-mark placement ("hòa", "thủy"); the generator moves marks to the
 * old placement for some entries.
 */

/** The central bodies of the bloc, subjects of most sentences. */
export const BODIES = [
  'Đảng ủy Khối các cơ quan tỉnh',
  'Ban Thường vụ Đảng ủy Khối',
  'Ủy ban Kiểm tra Đảng ủy Khối',
  'Ban Tuyên giáo và Dân vận Đảng ủy Khối',
  'Ban Tổ chức Đảng ủy Khối',
  'Văn phòng Đảng ủy Khối',
  'Đoàn Thanh niên Khối các cơ quan tỉnh',
  'Công đoàn Viên chức tỉnh',
  'Hội Cựu chiến binh Khối',
];

/** Party organisations in the member agencies. */
export const ORGANISATIONS = [
  'Đảng bộ Sở Tài chính',
  'Đảng bộ Sở Giáo dục và Đào tạo',
  'Chi bộ Văn phòng Ủy ban nhân dân tỉnh',
  'Đảng bộ Sở Y tế',
  'Chi bộ Sở Tư pháp',
  'Đảng bộ Kho bạc Nhà nước tỉnh',
  'Đảng bộ Bảo hiểm xã hội tỉnh',
  'Chi bộ Ban Dân tộc tỉnh',
  'Đảng bộ Sở Nông nghiệp và Môi trường',
  'Đảng bộ Sở Xây dựng',
  'Chi bộ Sở Văn hóa, Thể thao và Du lịch',
  'Đảng bộ Trường Chính trị tỉnh',
  'Chi bộ Thanh tra tỉnh',
  'Đảng bộ Sở Khoa học và Công nghệ',
  'Chi bộ Sở Nội vụ',
  'Chi bộ Liên đoàn Lao động tỉnh',
  'Đảng bộ Đài Phát thanh và Truyền hình tỉnh',
  'Chi bộ Hội Liên hiệp Phụ nữ tỉnh',
  'Chi bộ Sở Công Thương',
  'Đảng bộ Ban Quản lý các khu công nghiệp',
  'Chi bộ Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh',
  'Đảng bộ Công ty Thủy lợi tỉnh',
];

/** Subjects that are not names of bodies. */
export const GROUPS = [
  'các tổ chức cơ sở đảng trực thuộc',
  'nhiều chi bộ trong Khối',
  'cán bộ, đảng viên trong toàn Đảng bộ',
  'các cấp ủy trực thuộc',
  'đội ngũ bí thư chi bộ',
  'đoàn viên thanh niên các cơ quan',
];

/** Party documents, each with its number as Party documents are cited. */
export const DOCUMENTS = [
  'Chỉ thị số 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  'Kết luận số 01-KL/TW của Bộ Chính trị',
  'Quy định số 144-QĐ/TW về chuẩn mực đạo đức cách mạng của cán bộ, đảng viên',
  'Nghị quyết Trung ương 4 khóa XIII về xây dựng, chỉnh đốn Đảng và hệ thống chính trị',
  'Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số',
  'Quy định số 08-QĐi/TW về trách nhiệm nêu gương của cán bộ, đảng viên',
  'Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIV của Đảng',
  'Nghị quyết số 35-NQ/TW về bảo vệ nền tảng tư tưởng của Đảng',
  'Quy định số 213-QĐ/TW về trách nhiệm của đảng viên đang công tác giữ mối liên hệ với nơi cư trú',
  'Hướng dẫn số 12-HD/BTGTW về sinh hoạt chi bộ theo chuyên đề',
];

/** What the bodies work on: objects of the sentences. */
export const TOPICS = [
  'việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  'công tác xây dựng, chỉnh đốn Đảng và hệ thống chính trị',
  'chất lượng sinh hoạt chi bộ',
  'công tác phát triển đảng viên',
  'công tác kiểm tra, giám sát và thi hành kỷ luật đảng',
  'công tác bảo vệ nền tảng tư tưởng của Đảng',
  'trách nhiệm nêu gương của cán bộ, đảng viên, nhất là người đứng đầu',
  'công tác cải cách hành chính',
  'chuyển đổi số trong hoạt động của các tổ chức đảng',
  'phong trào thi đua yêu nước',
  'công tác dân vận trong các cơ quan',
  'việc thực hành tiết kiệm, chống lãng phí',
  'công tác phòng, chống tham nhũng, tiêu cực',
  'việc xây dựng văn hóa công vụ',
  'công tác đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên',
  'công tác bồi dưỡng lý luận chính trị cho đảng viên mới',
  'việc chăm lo đời sống cán bộ, công chức, người lao động',
  'công tác thông tin, tuyên truyền miệng',
];

export const VERBS = [
  'đã tổ chức quán triệt',
  'tiếp tục đẩy mạnh',
  'đặc biệt chú trọng',
  'tập trung lãnh đạo',
  'nghiêm túc triển khai',
  'thường xuyên quan tâm',
  'chủ động đổi mới',
  'quyết liệt thực hiện',
  'đã làm tốt',
  'kịp thời chỉ đạo',
  'xác định rõ trách nhiệm trong',
  'đề ra nhiều giải pháp nâng cao',
];

export const COMPLEMENTS = [
  'gắn với thực hiện nhiệm vụ chính trị của cơ quan, đơn vị',
  'góp phần xây dựng Đảng bộ trong sạch, vững mạnh',
  'tạo chuyển biến rõ nét trong nhận thức và hành động của cán bộ, đảng viên',
  'với nhiều mô hình, cách làm hay, sáng tạo',
  'theo đúng kế hoạch đề ra',
  'bảo đảm nghiêm túc, thiết thực, hiệu quả',
  'nhằm nâng cao năng lực lãnh đạo và sức chiến đấu của tổ chức đảng',
  'để mỗi cán bộ, đảng viên thấy rõ trách nhiệm của mình',
  'phù hợp với đặc điểm, tình hình của từng cơ quan, đơn vị',
  'trong không khí dân chủ, đoàn kết, thẳng thắn',
  'vì sự hài lòng của người dân và doanh nghiệp',
  'hướng tới xây dựng nền hành chính phục vụ, chuyên nghiệp',
  'giữ vững sự đoàn kết, thống nhất trong Đảng bộ',
];

/** Outcomes, for "Qua đó, …" sentences. */
export const RESULTS = [
  'nhận thức của cán bộ, đảng viên được nâng lên rõ rệt',
  'ý thức tổ chức kỷ luật, tinh thần trách nhiệm trong thực thi công vụ được tăng cường',
  'nhiều tập thể, cá nhân tiêu biểu đã được biểu dương, khen thưởng kịp thời',
  'nội dung sinh hoạt chi bộ ngày càng thiết thực, gần gũi với công việc hằng ngày',
  'niềm tin của quần chúng đối với tổ chức đảng được củng cố',
  'các việc làm tốt, gương người tốt được lan tỏa rộng rãi trong cơ quan',
  'tỷ lệ hồ sơ được giải quyết đúng hạn tăng lên đáng kể',
  'sự phối hợp giữa cấp ủy và thủ trưởng cơ quan ngày càng chặt chẽ',
];

export const PEOPLE = [
  'Nguyễn Văn Hùng',
  'Trần Thị Thu Hà',
  'Lê Minh Đức',
  'Phạm Thị Hòa',
  'Hoàng Quốc Việt',
  'Võ Thị Thanh Thủy',
  'Đặng Văn Khoa',
  'Bùi Thị Ngọc Ánh',
  'Đỗ Mạnh Cường',
  'Ngô Thị Thúy',
  'Phan Đình Tuấn',
  'Huỳnh Thị Kim Loan',
  'Trương Công Định',
  'Lương Thị Hoa',
  'Vũ Đức Thắng',
];

export const ROLES = [
  'Bí thư Đảng ủy Khối',
  'Phó Bí thư Thường trực Đảng ủy Khối',
  'Chủ nhiệm Ủy ban Kiểm tra Đảng ủy Khối',
  'Trưởng Ban Tuyên giáo và Dân vận Đảng ủy Khối',
  'Ủy viên Ban Thường vụ Đảng ủy Khối',
  'Bí thư chi bộ',
  'Giám đốc Sở, Bí thư Đảng ủy cơ sở',
];

export const AUTHORS = ['Minh Anh', 'Thu Hà', 'Quang Huy', 'Ngọc Lan', 'Văn Thành', 'Hải Yến', 'Đức Trung', 'Phương Thảo', 'Bảo Ngọc', 'Thanh Tùng'];

export const SOURCES = [
  'Ban Tuyên giáo và Dân vận Đảng ủy Khối',
  'Văn phòng Đảng ủy Khối',
  'Ủy ban Kiểm tra Đảng ủy Khối',
  'Báo điện tử của tỉnh',
  'Đài Phát thanh và Truyền hình tỉnh',
];

/** The tags editors choose from. */
export const TAGS = [
  'Học tập và làm theo Bác',
  'Chỉ thị 05',
  'Xây dựng Đảng',
  'Sinh hoạt chi bộ',
  'Phát triển đảng viên',
  'Kiểm tra, giám sát',
  'Đảng ủy Khối',
  'Gương điển hình',
  'Người tốt, việc tốt',
  'Chuyển đổi số',
  'Cải cách hành chính',
  'Nghị quyết Trung ương',
  'Đại hội Đảng',
  'Bảo vệ nền tảng tư tưởng',
  'Quy định 144',
  'Nêu gương',
  'Thi đua yêu nước',
  'Văn hóa công vụ',
  'Công tác dân vận',
  'Đoàn thanh niên',
  'Công đoàn',
  'Cựu chiến binh',
  'Phòng, chống tham nhũng',
  'Học tập chuyên đề',
  'Kỷ niệm ngày lễ lớn',
  'Khen thưởng',
  'Tổng kết năm',
  'Lý luận chính trị',
  'Tư tưởng Hồ Chí Minh',
  'Thủy lợi',
];

export const HEADINGS = [
  'Những kết quả nổi bật',
  'Cách làm sáng tạo, hiệu quả',
  'Tồn tại, hạn chế và nguyên nhân',
  'Nhiệm vụ, giải pháp thời gian tới',
  'Bài học kinh nghiệm',
  'Lan tỏa những việc làm tốt',
  'Phát huy vai trò nêu gương',
  'Đổi mới nội dung, phương thức sinh hoạt',
  'Từ nhận thức đến hành động',
];

/** Well-known sayings of Hồ Chí Minh, quoted in articles. */
export const QUOTES = [
  'Cán bộ là cái gốc của mọi công việc.',
  'Một tấm gương sống còn có giá trị hơn một trăm bài diễn văn tuyên truyền.',
  'Muốn xây dựng chủ nghĩa xã hội, trước hết cần có những con người xã hội chủ nghĩa.',
  'Việc gì có lợi cho dân, ta phải hết sức làm. Việc gì có hại đến dân, ta phải hết sức tránh.',
  'Dễ trăm lần không dân cũng chịu, khó vạn lần dân liệu cũng xong.',
  'Nâng cao đạo đức cách mạng, quét sạch chủ nghĩa cá nhân.',
  'Đoàn kết, đoàn kết, đại đoàn kết. Thành công, thành công, đại thành công.',
];

export const STORIES = [
  'người cán bộ tận tụy với công việc',
  'giữ gìn nếp sống giản dị, khiêm tốn',
  'bắt đầu từ những việc làm nhỏ',
  'người đảng viên hết lòng vì nhân dân',
  'nói đi đôi với làm',
  'cần, kiệm, liêm, chính, chí công vô tư',
  'sống khỏe, sống đẹp, sống có ích',
];

export const CONTESTS = ['Học tập và làm theo Bác mỗi ngày', 'Tìm hiểu lịch sử Đảng bộ tỉnh', 'Báo cáo viên giỏi', 'Sáng kiến cải cách hành chính', 'Chi bộ sinh hoạt tiêu biểu'];

export const MEETINGS = [
  'Hội nghị Ban Chấp hành Đảng bộ Khối mở rộng',
  'Hội nghị học tập, quán triệt nghị quyết của Đảng',
  'Hội nghị sơ kết công tác xây dựng Đảng 6 tháng đầu năm',
  'Hội nghị tổng kết công tác xây dựng Đảng',
  'Hội nghị báo cáo viên định kỳ',
  'Hội nghị giao ban công tác kiểm tra, giám sát',
  'Lễ trao Huy hiệu Đảng đợt 3/2',
];

export const LOCATIONS = [
  'Hội trường Khu Liên cơ quan số 2, đường Trần Hưng Đạo',
  'Phòng họp tầng 4, trụ sở Đảng ủy Khối',
  'Hội trường Trường Chính trị tỉnh',
  'Phòng họp trực tuyến, kết nối tới các tổ chức cơ sở đảng',
  'Nhà văn hóa Lao động tỉnh',
];

export const COVER_ALTS = [
  'Quang cảnh hội nghị, phía trước là bàn chủ tọa phủ khăn đỏ',
  'Các đại biểu chụp ảnh lưu niệm trước tượng đài Bác Hồ',
  'Đảng viên mới tuyên thệ dưới cờ Đảng và cờ Tổ quốc',
  'Đoàn viên thanh niên trồng cây trong khuôn viên cơ quan',
];

/** The categories of the corpus: the site's own five, with the share of articles each gets. */
export const CATEGORIES = [
  {
    slug: 'hoc-tap-va-lam-theo-bac',
    name: 'Học tập và làm theo Bác',
    description: 'Tin, bài về việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh trong các chi bộ, đảng bộ cơ sở thuộc Đảng bộ Khối.',
    order: 1,
    weight: 3,
  },
  { slug: 'xay-dung-dang', name: 'Xây dựng Đảng', description: 'Công tác xây dựng, chỉnh đốn Đảng về chính trị, tư tưởng, đạo đức, tổ chức và cán bộ.', order: 2, weight: 3 },
  { slug: 'tin-hoat-dong', name: 'Tin hoạt động', description: 'Hoạt động của Đảng ủy Khối, các ban tham mưu, đoàn thể Khối và các tổ chức cơ sở đảng trực thuộc.', order: 3, weight: 4 },
  { slug: 'guong-dien-hinh', name: 'Gương điển hình', description: 'Những tập thể, cá nhân tiêu biểu; người tốt, việc tốt trong các cơ quan, đơn vị thuộc Khối.', order: 4, weight: 2 },
  { slug: 'van-ban-chi-dao', name: 'Văn bản – Chỉ đạo', description: 'Giới thiệu, hướng dẫn thực hiện các nghị quyết, chỉ thị, kết luận của Trung ương, của Tỉnh ủy và của Đảng ủy Khối.', order: 5, weight: 1 },
];

/** The site settings of the corpus, as `content/settings/site.yaml`. */
export const SETTINGS_YAML = `siteName: Đảng bộ Khối các cơ quan tỉnh
organization: Đảng ủy Khối các cơ quan tỉnh
tagline: Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh – Xây dựng Đảng bộ trong sạch, vững mạnh
address: Tầng 4, Khu Liên cơ quan số 2, đường Trần Hưng Đạo, tỉnh
phone: 0200 3 826 415
email: vanphong.duk@coquantinh.gov.vn
menu:
  - label: Trang chủ
    href: /
${CATEGORIES.map((c) => `  - label: ${c.name}\n    href: /chuyen-muc/${c.slug}/`).join('\n')}
  - label: Thông báo
    href: /thong-bao/
  - label: Giới thiệu
    href: /gioi-thieu/
  - label: Liên hệ
    href: /lien-he/
footerLinks:
  - label: Báo điện tử Đảng Cộng sản Việt Nam
    href: https://dangcongsan.vn
  - label: Cổng Thông tin điện tử Chính phủ
    href: https://chinhphu.vn
`;

/**
 * Words whose tone mark sits on the second vowel in the old placement ("hoà", "thuỷ"): the new
 * placement first, then the old.
 */
export const OLD_TONE_PLACEMENT: [string, string][] = [
  ['hòa', 'hoà'],
  ['hóa', 'hoá'],
  ['họa', 'hoạ'],
  ['khỏe', 'khoẻ'],
  ['thủy', 'thuỷ'],
  ['Thủy', 'Thuỷ'],
  ['ủy', 'uỷ'],
  ['Ủy', 'Uỷ'],
  ['tùy', 'tuỳ'],
  ['lũy', 'luỹ'],
  ['tỏa', 'toả'],
  ['thúy', 'thuý'],
  ['Thúy', 'Thuý'],
  ['Hòa', 'Hoà'],
];
