/** The satisfaction question at closing (issue 14 item 8, ADR 081): My cases' case page and the status lookup. */
const satisfaction = {
  heading: "Đánh giá mức độ hài lòng",
  question: "Bạn hài lòng thế nào với việc giải quyết hồ sơ này?",
  lead: "Hồ sơ đã giải quyết xong. Câu trả lời không kèm tên hay thông tin liên hệ của bạn: cơ quan chỉ dùng để thống kê theo đơn vị và thủ tục. Mỗi hồ sơ được đánh giá một lần.",
  scores: {
    "1": "Rất không hài lòng",
    "2": "Không hài lòng",
    "3": "Bình thường",
    "4": "Hài lòng",
    "5": "Rất hài lòng",
  },
  comment: "Góp ý thêm (không bắt buộc)",
  commentHint: "Tối đa 1.000 ký tự. Xin đừng ghi số định danh, số điện thoại hay thông tin cá nhân khác.",
  submit: "Gửi đánh giá",
  thanks: "Cảm ơn bạn đã đánh giá. Câu trả lời của bạn đã được ghi nhận.",
  answered: "Hồ sơ này đã được đánh giá. Cảm ơn bạn.",
  errors: {
    score: "Chọn một mức độ hài lòng, từ “Rất không hài lòng” đến “Rất hài lòng”.",
    comment: "Góp ý dài tối đa 1.000 ký tự và không chứa ký tự điều khiển.",
  },
};

export default satisfaction;
