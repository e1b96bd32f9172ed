/** The staff statistics page (issue 14 item 8, ADR 081): per office and procedure, with the satisfaction answers. */
const statistics = {
  title: "Thống kê hồ sơ và mức độ hài lòng",
  lead: "Theo đơn vị và thủ tục, trong khoảng thời gian đã chọn: số hồ sơ tiếp nhận, số hồ sơ kết thúc (đúng hạn, trễ hạn so với thời hạn luật định) và câu trả lời về mức độ hài lòng của người dân. Thủ trưởng xem các đơn vị mình phụ trách; quản trị viên xem toàn bộ.",
  period: "Khoảng thời gian",
  from: "Từ ngày",
  to: "Đến ngày",
  dateHint: "Ngày/tháng/năm, ví dụ 01/12/2026. Để trống: từ đầu tháng này đến hôm nay.",
  apply: "Xem thống kê",
  showing: "Từ {{from}} đến {{to}}",
  download: "Tải bảng về (tệp CSV)",
  empty: "Không có hồ sơ hay câu trả lời nào trong khoảng thời gian này.",
  tableLabel: "Bảng thống kê theo đơn vị và thủ tục",
  total: "Tổng cộng",
  notes: {
    filed: "Tiếp nhận: hồ sơ nhận trong kỳ. Kết thúc: hồ sơ giải quyết xong trong kỳ.",
    onTime: "Đúng hạn, trễ hạn: trong số hồ sơ kết thúc có thời hạn luật định, hồ sơ đáp ứng mọi thời hạn, và hồ sơ có ít nhất một thời hạn bị trễ.",
    answers: "Hài lòng: câu trả lời nhận trong kỳ, điểm trung bình trên thang 1 (rất không hài lòng) đến 5 (rất hài lòng), và số câu trả lời theo từng mức.",
  },
  columns: {
    officeCode: "Mã đơn vị",
    office: "Đơn vị",
    procedure: "Thủ tục",
    filed: "Tiếp nhận",
    closed: "Kết thúc",
    onTime: "Đúng hạn",
    late: "Trễ hạn",
    answers: "Số câu trả lời",
    average: "Điểm trung bình",
    score1: "Rất không hài lòng (1)",
    score2: "Không hài lòng (2)",
    score3: "Bình thường (3)",
    score4: "Hài lòng (4)",
    score5: "Rất hài lòng (5)",
  },
  errors: {
    dateInvalid: "Ngày không hợp lệ. Nhập theo dạng ngày/tháng/năm, ví dụ 01/12/2026.",
    rangeInvalid: "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.",
    rangeTooLong: "Khoảng thời gian dài tối đa 10 năm.",
  },
};

export default statistics;
