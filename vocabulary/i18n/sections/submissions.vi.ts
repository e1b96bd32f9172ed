/** Words every procedure's submission shares (ADR 073): the "sent" page and the acknowledgement e-mail. */
const submissions = {
  done: {
    title: "Đã gửi thành công",
    lead: "Cơ quan thi hành án đã nhận {{procedure}} của bạn.",
    reference: "Mã hồ sơ",
    accessCode: "Mã tra cứu",
    keep: "Hãy ghi lại hai mã này: bạn cần cả hai để tra cứu hồ sơ khi không đăng nhập. Mã tra cứu chỉ hiện một lần.",
    office: "Cơ quan tiếp nhận",
    emailSent: "Chúng tôi đã gửi thư xác nhận đến {{email}}.",
    noEmail: "Bạn không để lại địa chỉ thư điện tử, nên sẽ không nhận được thư xác nhận.",
    lookup: "Tra cứu hồ sơ",
    myCases: "Hồ sơ của tôi",
    home: "Về trang chủ",
    print: "In trang này",
    expired: "Trang xác nhận chỉ hiển thị trong một giờ sau khi gửi, trên trình duyệt đã gửi. Mã hồ sơ có trong thư xác nhận.",
  },
  email: {
    subject: "Đã nhận {{procedure}} – mã hồ sơ {{reference}}",
    preview: "Cơ quan thi hành án đã nhận {{procedure}} của bạn, mã hồ sơ {{reference}}.",
    greeting: "Kính gửi {{name}},",
    greetingNoName: "Kính gửi Quý ông/bà,",
    body: "Lúc {{time}}, {{office}} đã nhận {{procedure}} của bạn. Mã hồ sơ: {{reference}}.",
    follow: "Theo dõi hồ sơ (cần mã tra cứu đã hiện khi gửi):",
    keepCode: "Vì an toàn, thư này không chứa mã tra cứu. Nếu bạn đăng nhập bằng địa chỉ thư này, hồ sơ sẽ có trong mục Hồ sơ của tôi.",
    signature: "Cổng dịch vụ công Thi hành án dân sự",
    automated: "Thư được gửi tự động, xin đừng trả lời.",
  },
  section: {
    title: "Nội dung đơn",
    submittedAt: "Gửi lúc",
    applicant: "Người gửi",
    email: "Thư điện tử",
    files: "Tài liệu kèm theo",
    noFiles: "Không có tài liệu kèm theo.",
    redacted: "Một số thông tin được bảo mật và chỉ người có thẩm quyền xem được.",
  },
};
export default submissions;
