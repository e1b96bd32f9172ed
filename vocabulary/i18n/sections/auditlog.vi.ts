/** The audit log viewer (issue 12): heads see their offices' entries, administrators every entry. */
const auditlog = {
  title: "Nhật ký hoạt động",
  lead: "Mọi thao tác của cán bộ, người dân và hệ thống, mới nhất trước. Thủ trưởng xem nhật ký của các đơn vị mình phụ trách; quản trị viên xem toàn bộ.",
  filters: "Lọc nhật ký",
  person: "Người thực hiện",
  personHint: "Thư điện tử hoặc họ tên cán bộ (một phần cũng được).",
  office: "Đơn vị",
  anyOffice: "Tất cả đơn vị",
  action: "Thao tác",
  anyAction: "Tất cả thao tác",
  from: "Từ ngày",
  to: "Đến ngày",
  dateHint: "Ngày/tháng/năm, ví dụ 01/12/2026.",
  apply: "Lọc",
  clear: "Bỏ lọc",
  at: "Thời điểm",
  target: "Đối tượng",
  ip: "Địa chỉ IP",
  details: "Chi tiết",
  empty: "Không có mục nào khớp với bộ lọc.",
  older: "Các mục cũ hơn",
  newest: "Về mục mới nhất",
  actors: { staff: "Cán bộ", citizen: "Người dân", system: "Hệ thống", anonymous: "Khách", api_key: "Khóa API của tổ chức" },
  errors: {
    dateInvalid: "Ngày không hợp lệ. Nhập theo dạng ngày/tháng/năm, ví dụ 01/12/2026.",
    rangeInvalid: "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.",
    officeInvalid: "Chọn một đơn vị trong danh sách.",
    personLength: "Nội dung tìm người thực hiện dài tối đa 100 ký tự.",
  },
};

export default auditlog;
