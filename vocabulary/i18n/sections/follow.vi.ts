/**
 * Following a case by e-mail (issue 13 item 3, ADR 068): the words every public event's e-mail adds (links
 * to the lookup and My cases, the one-click unsubscribe), the "we received your answer" e-mail, and the
 * page of the unsubscribe link (`/thong-bao/tat/:token`).
 */
const follow = {
  email: {
    stateNow: "Tình trạng hiện nay: {{state}}",
    next: "Việc tiếp theo: {{next}}",
    lookup: "Tra cứu hồ sơ (nhập mã hồ sơ và mã tra cứu bạn đã nhận khi gửi đơn): ",
    myCases: "Hoặc đăng nhập và xem tại Hồ sơ của tôi: ",
    unsubscribe: "Không muốn nhận thư về hồ sơ này nữa? Tắt thông báo tại: ",
    answeredSubject: "Đã nhận phần bổ sung cho hồ sơ {{reference}}",
    answeredPreview: "Đã nhận phần bổ sung của bạn",
    answeredBody: "{{office}} đã nhận thông tin, tài liệu bạn bổ sung cho hồ sơ mã {{reference}} và sẽ tiếp tục xem xét hồ sơ.",
  },
  optOut: {
    title: "Thông báo qua thư điện tử",
    invalidHeading: "Liên kết không dùng được",
    invalidBody: "Liên kết tắt thông báo này không đúng hoặc không còn dùng được. Hãy mở liên kết trong thư mới nhất bạn nhận được, hoặc đăng nhập và chọn tại Hồ sơ của tôi.",
    reference: "Mã hồ sơ",
    onLead: "Bạn đang nhận thư điện tử mỗi khi hồ sơ có diễn biến công khai mới (thụ lý, phân công Chấp hành viên, quyết định, thu tiền, chi trả, kết thúc …).",
    willStop: "Nếu tắt, cổng sẽ không gửi các thư đó cho hồ sơ này nữa. Bạn vẫn xem được hồ sơ bằng tra cứu hoặc tại Hồ sơ của tôi. Yêu cầu bổ sung thông tin của cơ quan vẫn được gửi cho bạn, vì bạn cần trả lời.",
    turnOff: "Tắt thông báo",
    offLead: "Bạn không nhận thư điện tử về diễn biến của hồ sơ này.",
    turnOn: "Bật lại thông báo",
    turnedOff: "Đã tắt thông báo qua thư điện tử cho hồ sơ này.",
    turnedOn: "Đã bật lại thông báo qua thư điện tử cho hồ sơ này.",
    badChoice: "Hãy chọn tắt hoặc bật thông báo bằng nút bên dưới.",
    errorSummary: "Có lỗi",
    lookupLink: "Tra cứu hồ sơ",
  },
};

export default follow;
