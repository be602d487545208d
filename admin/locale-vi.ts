/**
 * The CMS in Vietnamese: Decap's own `vi` phrases, completed where they are missing (Decap falls back
 * to English there) and corrected where they read awkwardly or differ from the site's words (the
 * editorial workflow is "Bản nháp → Chờ duyệt → Sẵn sàng", see the glossary in docs/editing.md).
 */
type Phrases = { [key: string]: string | Phrases };

export const viOverrides: Phrases = {
  auth: { loginWithForgejo: 'Đăng nhập bằng Forgejo' },
  app: { header: { content: 'Nội dung', workflow: 'Duyệt bài', media: 'Tệp đã tải lên', quickAdd: 'Viết mới' } },
  collection: {
    sidebar: { collections: 'Loại nội dung', allCollections: 'Tất cả loại nội dung' },
    collectionTop: { viewAs: 'Xem dạng', viewAsList: 'Danh sách', viewAsGrid: 'Lưới', groupBy: 'Nhóm theo', newButton: 'Thêm %{collectionLabel}' },
    entries: { unpublishedHeader: 'Chưa đăng' },
    groups: { other: 'Khác', negateLabel: 'Không phải %{label}' },
  },
  editor: {
    editorControl: { field: { widgetLabel: 'Ô %{widgetLabel}' } },
    editorControlPane: {
      widget: {
        required: '«%{fieldLabel}» chưa được nhập: mục này bắt buộc.',
        regexPattern: '«%{fieldLabel}»: %{pattern}',
      },
    },
    editorInterface: { togglePreview: 'Bật/tắt xem trước', toggleScrollSync: 'Cuộn cùng bản xem trước', toggleNotes: 'Bật/tắt ghi chú' },
    editorNotesPane: {
      title: 'Ghi chú',
      emptyState: 'Chưa có ghi chú nào.',
      addNote: 'Thêm ghi chú',
      addPlaceholder: 'Viết ghi chú…',
      editPlaceholder: 'Sửa ghi chú…',
      save: 'Lưu',
      cancel: 'Hủy',
      edit: 'Sửa',
      delete: 'Xóa',
      resolve: 'Đã xử lý',
      unresolve: 'Chưa xử lý',
      confirmDelete: 'Xóa ghi chú này?',
      shortcut: 'Mẹo: bấm Ctrl+Enter để thêm nhanh',
    },
    editorToolbar: {
      status: 'Trạng thái: %{status}',
      inReview: 'Chờ duyệt',
      publish: 'Đăng bài',
      published: 'Đã đăng',
      publishNow: 'Đăng ngay',
      publishing: 'Đang đăng…',
      unpublish: 'Gỡ khỏi trang',
      unpublishing: 'Đang gỡ…',
      publishAndCreateNew: 'Đăng và viết bài mới',
      publishAndDuplicate: 'Đăng và nhân bản',
      duplicate: 'Nhân bản',
      backCollection: ' Quay lại: %{collectionLabel}',
      deleteUnpublishedChanges: 'Bỏ các sửa đổi chưa đăng',
      deleteUnpublishedEntry: 'Xóa bài chưa đăng này',
      deletePublishedEntry: 'Xóa bài đã đăng này',
      statusInfoTooltipDraft: 'Bài đang là bản nháp. Khi viết xong, chuyển trạng thái sang “Chờ duyệt” để người duyệt xem.',
      statusInfoTooltipInReview: 'Bài đang chờ duyệt. Vẫn có thể sửa tiếp trong lúc chờ.',
      deployPreviewButtonLabel: 'Xem trước trên trang',
      deployButtonLabel: 'Xem trên trang',
    },
    editor: {
      onPublishingNotReady: 'Hãy chuyển trạng thái sang “Sẵn sàng” trước khi đăng.',
      onPublishingWithUnsavedChanges: 'Còn thay đổi chưa lưu: hãy lưu trước khi đăng.',
      onPublishing: 'Đăng bài này lên trang?',
      onUnpublishing: 'Gỡ bài này khỏi trang?',
    },
    editorWidgets: {
      markdown: {
        bold: 'Đậm',
        italic: 'Nghiêng',
        strikethrough: 'Gạch ngang',
        code: 'Mã',
        link: 'Liên kết',
        linkPrompt: 'Nhập địa chỉ liên kết',
        headings: 'Đề mục',
        quote: 'Trích dẫn',
        bulletedList: 'Danh sách gạch đầu dòng',
        numberedList: 'Danh sách đánh số',
        addComponent: 'Chèn thành phần',
        toggleMode: { rich: 'Chuyển sang soạn thảo thường', markdown: 'Chuyển sang Markdown' },
      },
      image: {
        choose: 'Chọn ảnh',
        chooseDifferent: 'Chọn ảnh khác',
        remove: 'Bỏ ảnh',
        chooseMultiple: 'Chọn các ảnh',
        chooseUrl: 'Chèn từ địa chỉ web',
        replaceUrl: 'Thay bằng địa chỉ web',
        promptUrl: 'Nhập địa chỉ ảnh',
        addMore: 'Thêm ảnh',
        removeAll: 'Bỏ tất cả ảnh',
      },
      file: {
        choose: 'Chọn tệp',
        chooseDifferent: 'Chọn tệp khác',
        remove: 'Bỏ tệp',
        chooseUrl: 'Chèn từ địa chỉ web',
        chooseMultiple: 'Chọn các tệp',
        replaceUrl: 'Thay bằng địa chỉ web',
        promptUrl: 'Nhập địa chỉ tệp',
        addMore: 'Thêm tệp',
        removeAll: 'Bỏ tất cả tệp',
      },
      datetime: { now: 'Ngay lúc này', clear: 'Xóa', setToNow: 'Đặt «%{fieldLabel}» là lúc này' },
      list: { add: 'Thêm %{item}', addType: 'Thêm %{item}' },
      object: { expand: 'Mở ra', collapse: 'Thu gọn' },
    },
  },
  mediaLibrary: {
    mediaLibraryCard: { copy: 'Sao chép', copyUrl: 'Sao chép địa chỉ', copyPath: 'Sao chép đường dẫn', copyName: 'Sao chép tên', copied: 'Đã sao chép' },
    mediaLibraryModal: { close: 'Đóng', images: 'Ảnh', mediaAssets: 'Tệp', chooseSelected: 'Chọn tệp đã đánh dấu', deleteSelected: 'Xóa tệp đã đánh dấu' },
  },
  ui: {
    settingsDropdown: { account: 'Tài khoản' },
    errorBoundary: { reportIt: 'báo cho người quản trị kỹ thuật.' },
    toast: {
      missingRequiredField: 'Còn thiếu thông tin bắt buộc (các ô báo đỏ). Hãy điền đủ rồi lưu lại.',
      entrySaved: 'Đã lưu',
      entryPublished: 'Đã đăng lên trang',
      entryUnpublished: 'Đã gỡ khỏi trang',
      entryUpdated: 'Đã cập nhật trạng thái',
      onFailToPersist: 'Không lưu được: %{details}',
      noteAdded: 'Đã thêm ghi chú',
      onFailToAddNote: 'Không thêm được ghi chú: %{details}',
      noteUpdated: 'Đã sửa ghi chú',
      onFailToUpdateNote: 'Không sửa được ghi chú: %{details}',
      noteDeleted: 'Đã xóa ghi chú',
      onFailToDeleteNote: 'Không xóa được ghi chú: %{details}',
      noteResolved: 'Ghi chú đã xử lý',
      noteReopened: 'Ghi chú mở lại',
      onFailToToggleNote: 'Không đổi được trạng thái ghi chú: %{details}',
    },
  },
  workflow: {
    workflow: { workflowHeading: 'Duyệt bài', newPost: 'Viết bài mới', description: '%{smart_count} bài chờ duyệt, %{readyCount} bài sẵn sàng để đăng.' },
    workflowCard: { publishChanges: 'Đăng sửa đổi', publishNewEntry: 'Đăng bài mới', deleteChanges: 'Bỏ sửa đổi', deleteNewEntry: 'Xóa bài mới' },
    workflowList: {
      inReviewHeader: 'Chờ duyệt',
      onPublishingNotReadyEntry: 'Chỉ bài ở cột “Sẵn sàng” mới đăng được. Hãy kéo thẻ bài sang cột “Sẵn sàng” trước.',
      onPublishEntry: 'Đăng bài này lên trang?',
    },
  },
};

/** Decap's Vietnamese phrases with these on top. */
export function viPhrases(base: Phrases | undefined): Phrases {
  return merge(structuredClone(base ?? {}), viOverrides);
}

function merge(target: Phrases, source: Phrases): Phrases {
  for (const [key, value] of Object.entries(source)) {
    const current = target[key];
    target[key] = typeof value === 'object' && typeof current === 'object' ? merge(current, value) : value;
  }
  return target;
}
