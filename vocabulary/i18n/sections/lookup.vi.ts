import { plural } from "../types";

/**
 * The status lookup without an account ("Tra cứu hồ sơ", issue 13, ADR 066): reference + access code →
 * the case as its parties see it (the status section), and the links to it from the home page, the
 * confirmation page, its PDF, the confirmation e-mail and the receipt.
 */
const lookup = {
  title: "Tra cứu hồ sơ",
  lead: "Xem tình trạng hồ sơ, cơ quan và chấp hành viên đang giải quyết, việc bạn cần làm tiếp theo và diễn biến của hồ sơ, không cần đăng nhập.",
  reference: "Mã hồ sơ",
  referenceHint: "Ghi trên trang xác nhận khi bạn gửi đơn, trong thư điện tử xác nhận và trên bản PDF của đơn, ví dụ YC-2026-0000123.",
  accessCode: "Mã tra cứu",
  accessCodeHint: "16 chữ và số, ví dụ ABCD-EFGH-JKLM-NPQR, hiển thị một lần trên trang xác nhận khi bạn gửi đơn. Không phân biệt chữ hoa, chữ thường.",
  submit: "Tra cứu",
  errors: {
    referenceRequired: "Nhập mã hồ sơ",
    accessCodeRequired: "Nhập mã tra cứu",
    expired: "Trang tra cứu đã quá 60 phút. Hãy nhập lại mã hồ sơ và mã tra cứu để xem hồ sơ và gửi đánh giá.",
    notFound:
      "Mã hồ sơ hoặc mã tra cứu không đúng. Hãy kiểm tra lại mã hồ sơ trong thư điện tử xác nhận và mã tra cứu bạn đã lưu từ trang xác nhận khi gửi đơn (16 chữ và số), rồi nhập lại.",
    rateLimited: plural("Đã có quá nhiều lần tra cứu sai với mã hồ sơ này hoặc từ kết nối của bạn. Vui lòng thử lại sau {{count}} giây."),
    rateLimitedSignIn:
      "Nếu bạn là người gửi đơn, bạn vẫn xem được hồ sơ ngay: đăng nhập bằng địa chỉ thư điện tử bạn đã khai khi gửi đơn, hồ sơ sẽ có trong tài khoản của bạn.",
    signIn: "Đăng nhập để xem hồ sơ của bạn",
  },
  found: {
    heading: "Tình trạng hồ sơ {{reference}}",
    another: "Tra cứu hồ sơ khác",
    privacy: "Tên được che một phần và không hiển thị số giấy tờ tùy thân để bảo vệ thông tin cá nhân.",
  },
  links: {
    follow: "Theo dõi hồ sơ",
    followText: "Xem tình trạng hồ sơ bất cứ lúc nào bằng mã hồ sơ và mã tra cứu tại",
    homeHeading: "Tra cứu hồ sơ",
    homeText: "Đã gửi đơn? Xem hồ sơ của bạn đang được giải quyết đến đâu bằng mã hồ sơ và mã tra cứu, không cần đăng nhập.",
    homeLink: "Tra cứu hồ sơ",
    receipt: "Tra cứu hồ sơ của bạn",
    pdf: "Theo dõi hồ sơ bằng mã hồ sơ và mã tra cứu tại: {{url}}",
  },
};
export default lookup;
