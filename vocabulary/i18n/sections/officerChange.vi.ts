/** Change of enforcement officer (issue 14 item 7, ADR 077): the procedure, its grounds and its case type. */
const officerChange = {
  name: "yêu cầu thay đổi Chấp hành viên",
  title: "Thay đổi Chấp hành viên",
  grounds: {
    "related-to-party": "Chấp hành viên là người thân thích của đương sự hoặc có quyền lợi liên quan",
    "defender-or-witness": "Chấp hành viên đã là người bào chữa, người làm chứng hoặc người bảo vệ quyền lợi của đương sự trong cùng vụ việc",
    "delay-or-partiality": "Chấp hành viên chậm trễ hoặc có căn cứ rõ ràng cho thấy không vô tư khi làm nhiệm vụ",
    "prohibited-acts": "Chấp hành viên có hành vi bị nghiêm cấm theo Luật Thi hành án dân sự 2025",
  },
  common: { notProvided: "Không cung cấp", yes: "Có", no: "Không" },
  steps: { case: { title: "Hồ sơ thi hành án" }, applicant: { title: "Người yêu cầu" }, grounds: { title: "Căn cứ yêu cầu" }, evidence: { title: "Chứng cứ" } },
  fields: {
    reference: { label: "Mã hồ sơ thi hành án", hint: "Ví dụ: YC-2026-0000042." },
    accessCode: { label: "Mã tra cứu", hint: "Không cần nếu bạn đã đăng nhập và hồ sơ là của bạn." },
    name: { label: "Họ và tên" },
    email: { label: "Thư điện tử", hint: "Để nhận quyết định và thông báo." },
    grounds: { label: "Căn cứ", options: { "related-to-party": "Có quan hệ với đương sự", "defender-or-witness": "Là người bào chữa hoặc người làm chứng trong cùng vụ việc", "delay-or-partiality": "Chậm trễ hoặc không vô tư", "prohibited-acts": "Có hành vi bị nghiêm cấm (Luật 2025)" } },
    details: { label: "Trình bày cụ thể", hint: "Nêu sự việc, thời gian và những gì bạn biết." },
  },
  attachments: { types: { evidence: "Chứng cứ", other: "Tài liệu khác" } },
  errors: {
    reference: "Nhập mã hồ sơ thi hành án.",
    caseNotFound: "Không tìm thấy hồ sơ với mã hồ sơ và mã tra cứu này.",
    rateLimited: "Bạn đã thử quá nhiều lần. Hãy thử lại sau.",
    noOfficer: "Hồ sơ này chưa được phân công Chấp hành viên.",
    name: "Nhập họ và tên.",
    email: "Nhập địa chỉ thư điện tử đúng định dạng, ví dụ ten@example.vn.",
    grounds: "Chọn ít nhất một căn cứ.",
    groundNotInForce: "Căn cứ này chưa có hiệu lực.",
    details: "Trình bày cụ thể lý do yêu cầu.",
    tooLong: "Nội dung quá dài (tối đa 4.000 ký tự).",
  },
  case: {
    type: "Thay đổi Chấp hành viên",
    states: { received: "Đã tiếp nhận, chờ Thủ trưởng quyết định", granted: "Đã chấp nhận thay đổi", refused: "Không chấp nhận thay đổi" },
    party: {
      states: {
        received: "Thủ trưởng cơ quan thi hành án đang xem xét yêu cầu thay đổi Chấp hành viên.",
        granted: "Yêu cầu được chấp nhận: hồ sơ thi hành án đã được giao cho Chấp hành viên khác.",
        refused: "Yêu cầu không được chấp nhận. Lý do có trong văn bản trả lời.",
      },
      next: {
        received: "Bạn không cần làm gì thêm. Cơ quan sẽ báo cho bạn khi có quyết định.",
        granted: "Không còn việc gì cần làm. Chấp hành viên mới sẽ liên hệ khi cần.",
        refused: "Nếu không đồng ý, bạn có thể khiếu nại theo quy định.",
      },
      happened: {
        received: "Yêu cầu thay đổi Chấp hành viên đã được tiếp nhận",
        grant: "Yêu cầu thay đổi Chấp hành viên đã được chấp nhận",
        refuse: "Yêu cầu thay đổi Chấp hành viên không được chấp nhận",
      },
    },
    clocks: { decide: "Quyết định thay đổi Chấp hành viên hoặc từ chối" },
    events: {
      received: { title: "Tiếp nhận yêu cầu" },
      grant: {
        title: "Chấp nhận thay đổi Chấp hành viên",
        fields: { newOfficerId: { label: "Chấp hành viên mới" }, reason: { label: "Căn cứ chấp nhận" }, newOfficerName: { label: "Chấp hành viên mới" } },
      },
      refuse: { title: "Không chấp nhận thay đổi", fields: { reason: { label: "Lý do không chấp nhận" } } },
    },
    errors: { officer: "Chọn Chấp hành viên mới của cơ quan.", reason: "Nhập lý do.", tooLong: "Nội dung quá dài (tối đa 2.000 ký tự)." },
  },
};
export default officerChange;
