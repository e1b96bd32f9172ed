/**
 * The only strings the browser bundle carries itself: the last-resort error page shown when even the
 * root loader (which brings the translations) failed. `i18n.test.ts` checks they equal vi/en resources.
 */
export const FALLBACK = {
  vi: { title: "Đã có lỗi xảy ra", body: "Hệ thống gặp sự cố khi xử lý yêu cầu. Dữ liệu bạn đã nhập không bị mất; vui lòng thử lại sau ít phút.", home: "Về trang chủ" },
  en: { title: "Something went wrong", body: "The system had a problem handling your request. Nothing you entered has been lost; please try again in a few minutes.", home: "Back to the home page" },
} as const;

/** The same last-resort page when the database is unreachable (503): "try again shortly". */
export const FALLBACK_UNAVAILABLE = {
  vi: { title: "Hệ thống đang tạm gián đoạn", body: "Cổng dịch vụ tạm thời chưa xử lý được yêu cầu của bạn. Dữ liệu bạn đã nhập không bị mất; vui lòng thử lại sau ít phút. Nếu bạn vừa thanh toán, khoản tiền không bị mất: kết quả sẽ được cập nhật khi hệ thống hoạt động trở lại." },
  en: { title: "The service is temporarily unavailable", body: "The portal cannot handle your request right now. Nothing you entered has been lost; please try again in a few minutes. If you have just paid, your money is not lost: the result will be updated when the service is back." },
} as const;

/** "Reference" in both languages, for the same last-resort page (the label of errors.reference, tested). */
export const REFERENCE_LABEL = { vi: "Mã tham chiếu", en: "Reference" } as const;
