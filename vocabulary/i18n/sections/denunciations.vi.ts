/** Tố cáo (issue 14 item 4, ADR 076): the procedure's name and its case type's words. */
const denunciations = {
  name: "Tố cáo",
  denouncerLabel: "Người tố cáo (bảo mật)",
  identityHidden: "Thông tin người tố cáo được bảo mật: chỉ cán bộ giải quyết tố cáo của cơ quan được xem.",
  denouncer: { fullName: "Họ tên người tố cáo", address: "Địa chỉ", idNumber: "Số định danh cá nhân", email: "Thư điện tử", phone: "Số điện thoại" },
  case: {
    states: {
      received: "Đã tiếp nhận, chờ thụ lý",
      accepted: "Đã thụ lý, đang giải quyết",
      refused: "Không thụ lý",
      resolved: "Đã có kết luận",
      closed: "Đã kết thúc",
    },
    party: {
      states: {
        received: "Cơ quan đã nhận đơn tố cáo và đang xem xét để thụ lý.",
        accepted: "Tố cáo đã được thụ lý và đang được giải quyết.",
        refused: "Cơ quan không thụ lý tố cáo. Lý do có trong thông báo gửi bạn.",
        resolved: "Đã có kết luận nội dung tố cáo. Kết luận đã được gửi cho bạn.",
        closed: "Việc giải quyết tố cáo đã kết thúc.",
      },
      next: {
        received: "Bạn không cần làm gì thêm. Cơ quan sẽ báo cho bạn khi thụ lý.",
        accepted: "Bạn không cần làm gì thêm. Cơ quan sẽ gửi kết luận cho bạn.",
        refused: "Bạn có thể đọc lý do trong thông báo và liên hệ cơ quan nếu cần.",
        resolved: "Hãy đọc kết luận nội dung tố cáo.",
        closed: "Không còn việc gì cần làm.",
      },
      happened: {
        received: "Đơn tố cáo đã được tiếp nhận",
        accept: "Tố cáo đã được thụ lý",
        refuse: "Tố cáo không được thụ lý",
        extendComplex: "Thời hạn giải quyết được gia hạn vì vụ việc phức tạp",
        resolve: "Đã có kết luận nội dung tố cáo",
        close: "Việc giải quyết tố cáo đã kết thúc",
      },
    },
    clocks: {
      accept: "Thụ lý tố cáo",
      resolve: "Giải quyết tố cáo",
      resolveComplex: "Giải quyết tố cáo (vụ việc phức tạp)",
    },
    events: {
      received: { title: "Tiếp nhận đơn tố cáo" },
      accept: { title: "Thụ lý tố cáo", fields: { note: { label: "Ghi chú thụ lý" } } },
      refuse: { title: "Không thụ lý tố cáo", fields: { reason: { label: "Lý do không thụ lý" } } },
      extendComplex: { title: "Gia hạn vì vụ việc phức tạp", fields: { reason: { label: "Lý do gia hạn" } } },
      resolve: { title: "Kết luận nội dung tố cáo", fields: { conclusion: { label: "Kết luận" } } },
      close: { title: "Kết thúc giải quyết tố cáo" },
    },
  },
};
export default denunciations;
