/**
 * A case as its parties see it (issue 13, ADR 065): the one status component the lookup, My cases and an
 * organisation's pages show (app/components/case-status.tsx).
 */
const status = {
  heading: "Tình trạng hồ sơ",
  reference: "Mã hồ sơ",
  procedure: "Thủ tục",
  state: "Tình trạng",
  nextStep: "Việc tiếp theo",
  actionNeeded: "Cần bạn làm",
  caseNumber: "Số thụ lý",
  office: "Cơ quan giải quyết",
  officeAddress: "Địa chỉ",
  officePhone: "Điện thoại",
  officer: "Chấp hành viên",
  noOfficer: "Chưa phân công",
  applicant: "Người gửi đơn",
  otherParty: "Người phải thi hành án",
  receivedAt: "Ngày tiếp nhận",
  updatedAt: "Cập nhật lần cuối",
  timelineHeading: "Diễn biến hồ sơ",
  timelineEmpty: "Chưa có diễn biến nào.",
  deadlinesHeading: "Thời hạn đang chạy",
  deadlinesNone: "Không có thời hạn nào đang chạy.",
  maskedNote: "Tên được che một phần để bảo vệ thông tin cá nhân.",
};
export default status;
