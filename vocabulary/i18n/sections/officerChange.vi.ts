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
