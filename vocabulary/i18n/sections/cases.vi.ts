import { plural } from "../types";
/**
 * Cases (issue 12): the words of the case engine and of each case type (`<content>` of its definition,
 * e.g. `cases.enforcementRequest`), the staff case page, and the engine's refusals.
 */
const cases = {
  types: {
    "enforcement-request": "Yêu cầu thi hành án",
    feedback: "Phản ánh, kiến nghị",
    complaint: "Khiếu nại",
    denunciation: "Tố cáo",
    confirmation: "Xác nhận kết quả thi hành án",
    "officer-change": "Thay đổi Chấp hành viên",
  },
  feedback: {
    states: { received: "Đã tiếp nhận, chờ trả lời", answered: "Đã trả lời" },
    party: {
      states: {
        received: "Cơ quan thi hành án đã nhận phản ánh, kiến nghị và đang xem xét.",
        answered: "Cơ quan thi hành án đã trả lời. Nội dung trả lời có ở dòng thời gian bên dưới.",
      },
      next: {
        received: "Bạn không cần làm gì thêm. Trả lời sẽ hiện ở đây.",
        answered: "Không còn việc gì cần làm.",
      },
      happened: { received: "Phản ánh, kiến nghị đã được tiếp nhận", answer: "Cơ quan thi hành án đã trả lời phản ánh, kiến nghị" },
    },
    clocks: {},
    events: {
      received: { title: "Tiếp nhận" },
      answer: { title: "Trả lời", fields: { answer: { label: "Nội dung trả lời", hint: "Người gửi đọc được; nếu họ chọn công khai, trả lời được đăng trên cổng." } } },
    },
    errors: { answerTooLong: "Nội dung trả lời có tối đa 5.000 ký tự." },
  },
  // Records on every case type that are not its events (ADR 074: a document served).
  common: {
    events: {
      "document-served": { title: "Đã tống đạt văn bản điện tử" },
      "document-served-paper": { title: "Đã tống đạt văn bản bằng giấy" },
    },
  },
  enforcementRequest: {
    states: {
      received: "Đã tiếp nhận, chờ xử lý",
      awaitingCitizen: "Chờ người yêu cầu bổ sung",
      accepted: "Đã thụ lý",
      refused: "Đã từ chối",
      officerAssigned: "Đã phân công Chấp hành viên",
      closed: "Đã kết thúc",
    },
    party: {
      states: {
        received: "Cơ quan thi hành án đã nhận đơn và đang xem xét để ra quyết định thi hành án.",
        awaitingCitizen: "Cơ quan thi hành án cần bạn bổ sung thông tin hoặc tài liệu trước khi xem xét tiếp.",
        accepted: "Đơn đã được thụ lý: cơ quan đã ra quyết định thi hành án.",
        refused: "Cơ quan thi hành án đã từ chối yêu cầu. Lý do và căn cứ có trong văn bản từ chối.",
        officerAssigned: "Chấp hành viên đã được phân công và đang tổ chức thi hành án.",
        closed: "Việc thi hành án đã kết thúc.",
      },
      next: {
        received: "Bạn không cần làm gì thêm. Cơ quan sẽ báo cho bạn khi có quyết định.",
        awaitingCitizen: "Hãy đọc yêu cầu bổ sung và gửi thông tin, tài liệu trong thời hạn được nêu.",
        accepted: "Bạn không cần làm gì thêm. Cơ quan sẽ phân công Chấp hành viên và báo cho bạn.",
        refused: "Nếu bạn khắc phục được lý do từ chối, bạn có thể gửi lại đơn.",
        officerAssigned: "Chấp hành viên sẽ liên hệ khi cần. Bạn có thể liên hệ cơ quan nếu có thông tin về tài sản của người phải thi hành án.",
        closed: "Không còn việc gì cần làm. Bạn có thể tải các văn bản của hồ sơ.",
      },
      /** What happened, as the party reads it (the e-mail of each public event, ADR 068). */
      happened: {
        received: "Đơn đã được tiếp nhận",
        askForMore: "Cơ quan thi hành án đề nghị bạn bổ sung thông tin, tài liệu",
        citizenAnswered: "Bạn đã gửi thông tin, tài liệu bổ sung",
        accept: "Đơn đã được thụ lý",
        refuse: "Đơn không được chấp nhận",
        forward: "Đơn đã được chuyển đến cơ quan có thẩm quyền",
        assignOfficer: "Chấp hành viên đã được phân công",
        reassignOfficer: "Hồ sơ đã được giao cho Chấp hành viên khác",
        decisionNotified: "Quyết định thi hành án đã được thông báo",
        assetsVerified: "Đã xác minh điều kiện thi hành án",
        moneyCollected: "Đã thu được tiền thi hành án",
        moneyPaidOut: "Đã chi trả tiền thi hành án",
        close: "Việc thi hành án đã kết thúc",
      },
    },
    clocks: {
      decide: "Ra quyết định thi hành án hoặc từ chối",
      corrections: "Yêu cầu bổ sung, sửa đổi đơn",
      notify: "Thông báo quyết định thi hành án",
    },
    events: {
      received: { title: "Tiếp nhận đơn" },
      askForMore: {
        title: "Yêu cầu bổ sung thông tin, tài liệu",
        fields: {
          message: { label: "Nội dung cần bổ sung", hint: "Người yêu cầu đọc được nội dung này." },
          documentTypes: {
            label: "Tài liệu cần nộp thêm",
            options: {
              judgment: "Bản án, quyết định",
              identity: "Giấy tờ tùy thân",
              authorisation: "Văn bản ủy quyền",
              assets: "Tài liệu về tài sản, thu nhập",
              other: "Tài liệu khác",
            },
          },
        },
      },
      citizenAnswered: {
        title: "Người yêu cầu đã bổ sung",
        fields: { message: { label: "Nội dung trả lời" }, attachmentIds: { label: "Tài liệu đã nộp thêm" } },
      },
      accept: {
        title: "Thụ lý, ra quyết định thi hành án",
        fields: {
          decisionNumber: { label: "Số quyết định thi hành án", hint: "Ví dụ: 125/QĐ-THADS." },
          decisionDate: { label: "Ngày ra quyết định" },
          caseNumber: { label: "Số thụ lý" },
        },
      },
      refuse: {
        title: "Từ chối yêu cầu thi hành án",
        fields: {
          ground: {
            label: "Căn cứ từ chối",
            options: {
              "no-right-or-unrelated": "Người yêu cầu không có quyền yêu cầu hoặc nội dung không liên quan đến bản án (khoản 5 Điều 31)",
              "not-competent": "Cơ quan thi hành án dân sự không có thẩm quyền (khoản 5 Điều 31)",
              "time-limit-passed": "Hết thời hiệu yêu cầu thi hành án (khoản 5 Điều 31)",
            },
          },
          note: { label: "Lý do cụ thể", hint: "Người yêu cầu đọc được lý do này và có thể gửi lại đơn." },
        },
      },
      forward: {
        title: "Chuyển đơn đến cơ quan có thẩm quyền",
        fields: { agencyId: { label: "Cơ quan nhận đơn" }, agencyName: { label: "Cơ quan nhận đơn" }, note: { label: "Ghi chú" } },
      },
      assignOfficer: {
        title: "Phân công Chấp hành viên",
        fields: { officerId: { label: "Chấp hành viên" }, officerName: { label: "Chấp hành viên" } },
      },
      reassignOfficer: {
        title: "Thay đổi Chấp hành viên",
        fields: { officerId: { label: "Chấp hành viên mới" }, officerName: { label: "Chấp hành viên" }, note: { label: "Lý do thay đổi" } },
      },
      decisionNotified: {
        title: "Đã thông báo quyết định thi hành án",
        fields: {
          notifiedOn: { label: "Ngày thông báo" },
          method: { label: "Hình thức thông báo", options: { direct: "Giao trực tiếp", post: "Qua bưu chính", electronic: "Điện tử" } },
        },
      },
      assetsVerified: { title: "Đã xác minh điều kiện thi hành án", fields: { note: { label: "Kết quả xác minh" } } },
      moneyCollected: { title: "Đã thu tiền thi hành án", fields: { amount: { label: "Số tiền đã thu (đồng)", hint: "Ví dụ: 15.000.000" } } },
      moneyPaidOut: { title: "Đã chi trả tiền thi hành án", fields: { amount: { label: "Số tiền đã chi trả (đồng)", hint: "Ví dụ: 15.000.000" } } },
      close: { title: "Kết thúc thi hành án", fields: { reason: { label: "Lý do kết thúc" } } },
    },
  },
  errors: {
    notFound: "Không tìm thấy hồ sơ, hoặc hồ sơ không thuộc đơn vị của bạn.",
    forbidden: "Bạn không có quyền thực hiện thao tác “{{event}}” với hồ sơ này.",
    illegal: "Không thể {{event}} vì hồ sơ đang ở trạng thái “{{state}}”.",
    conflict: "Hồ sơ vừa được người khác cập nhật. Vui lòng tải lại trang để xem trạng thái mới rồi thử lại.",
    required: "Nhập {{field}}.",
    noteTooLong: "Nội dung có tối đa 2.000 ký tự.",
    decisionNumberTooLong: "Số quyết định có tối đa 50 ký tự.",
    dateRequired: "Nhập ngày.",
    dateFormat: "Ngày không hợp lệ, ví dụ: 15/07/2026.",
    dateInFuture: "Ngày không được sau ngày hôm nay.",
    dateBeforeReceipt: "Ngày không được trước ngày nhận đơn.",
    groundRequired: "Chọn căn cứ từ chối.",
    choice: "Chọn một trong các lựa chọn.",
    agencyRequired: "Chọn cơ quan nhận đơn.",
    agencyInvalid: "Cơ quan này không nhận đơn (không tồn tại hoặc đã ngừng hoạt động).",
    agencySame: "Hồ sơ đang ở chính cơ quan này.",
    officerRequired: "Chọn Chấp hành viên.",
    officerNotAtOffice: "Người được chọn không phải Chấp hành viên của cơ quan đang giải quyết hồ sơ.",
    officerUnchanged: "Người này đang là Chấp hành viên của hồ sơ.",
    amountRequired: "Nhập số tiền.",
    amountFormat: "Số tiền chỉ gồm chữ số, ví dụ: 15.000.000.",
    amountFraction: "Số tiền tính bằng đồng, không có phần lẻ.",
    amountGrouping: "Dấu phân cách hàng nghìn không đúng, ví dụ: 15.000.000.",
    amountTooSmall: "Số tiền phải lớn hơn 0.",
    amountTooLarge: "Số tiền quá lớn.",
  },
  clock: {
    due: "Hạn: {{date}}",
    left: plural("còn {{count}} ngày làm việc"),
    dueToday: "hết hạn hôm nay",
    overdue: plural("quá hạn {{count}} ngày làm việc"),
    dueSoon: "Sắp đến hạn",
    overdueBadge: "Quá hạn",
    stopped: plural("Tạm dừng (còn {{count}} ngày làm việc khi tiếp tục)"),
    ended: "Đã xong",
    basis: "Căn cứ: {{basis}} (áp dụng từ {{date}})",
    rule: "{{amount}} {{unit}}",
    units: { working_days: "ngày làm việc", days: "ngày", months: "tháng", years: "năm" },
  },
  page: {
    title: "Hồ sơ",
    heading: "Hồ sơ {{reference}}",
    back: "Quay lại",
    type: "Loại hồ sơ",
    state: "Trạng thái",
    office: "Cơ quan giải quyết",
    caseNumber: "Số thụ lý",
    externalCaseNumber: "Số hồ sơ trên Phần mềm Thụ lý",
    officer: "Chấp hành viên",
    assignee: "Người đang xử lý",
    receivedAt: "Nhận lúc",
    none: "Chưa có",
    clocksTitle: "Thời hạn theo luật",
    noClocks: "Không có thời hạn nào đang tính.",
    actionsTitle: "Thao tác",
    noActions: "Bạn không có thao tác nào với hồ sơ ở trạng thái này.",
    submissionTitle: "Nội dung đơn",
    historyTitle: "Diễn biến hồ sơ",
    by: "bởi {{name}}",
    byCitizen: "người yêu cầu",
    bySystem: "hệ thống",
    internal: "Nội bộ",
    public: "Người yêu cầu xem được",
  },
};

export default cases;
