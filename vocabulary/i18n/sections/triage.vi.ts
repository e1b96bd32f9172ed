import { plural } from "../types";

// The triage page "Bạn cần làm gì?" (ADR 078). A procedure's time is never written here: the page puts in
// the period of the LEGAL_RULES row in force today ({{duration}}, said with `duration.<unit>`).
const triage = {
  title: "Bạn cần làm gì?",
  lead: "Chọn việc bạn cần làm. Mỗi thủ tục có một câu ngắn: ai được làm, cần chuẩn bị gì, mất bao lâu.",
  groups: {
    "thi-hanh-an": "Yêu cầu thi hành án và nộp tiền",
    "khieu-nai-to-cao": "Khiếu nại, tố cáo, phản ánh, kiến nghị",
    "sau-thi-hanh-an": "Trong và sau khi thi hành án",
    "tra-cuu": "Tra cứu",
  },
  labels: { who: "Ai được làm", needs: "Cần chuẩn bị", time: "Mất bao lâu" },
  timeBasis: "theo {{basis}}",
  duration: {
    working_days: plural("{{count}} ngày làm việc"),
    days: plural("{{count}} ngày"),
    months: plural("{{count}} tháng"),
    years: plural("{{count}} năm"),
  },
  procedures: {
    request: {
      title: "Yêu cầu thi hành một bản án, quyết định",
      sentence: "Gửi đơn để cơ quan thi hành án buộc người phải thi hành thực hiện bản án, quyết định đã có hiệu lực.",
      who: "Người được thi hành án hoặc người phải thi hành án, hoặc người được họ ủy quyền.",
      needs: "Bản án hoặc quyết định, giấy tờ tùy thân; tài liệu về tài sản của người phải thi hành án nếu có.",
      time: "Cơ quan ra quyết định thi hành án trong {{duration}} kể từ khi nhận đơn.",
      link: "Gửi đơn yêu cầu thi hành án",
    },
    pay: {
      title: "Nộp tiền thi hành án hoặc tạm ứng án phí",
      sentence: "Thanh toán số tiền ghi trong thông báo nộp tiền và nhận một biên lai điện tử.",
      who: "Bất kỳ ai có số thông báo nộp tiền.",
      needs: "Số thông báo nộp tiền và một tài khoản thanh toán VNPay.",
      time: "Ngay khi thanh toán xong: biên lai điện tử được cấp liền.",
      link: "Nộp tiền",
    },
    service: {
      title: "Nhận văn bản được tống đạt điện tử",
      sentence: "Đồng ý nhận quyết định, thông báo về thi hành án qua cổng thay vì qua bưu điện.",
      who: "Đương sự trong một hồ sơ thi hành án.",
      needs: "Tài khoản trên cổng và mã hồ sơ thi hành án.",
      time: "Cơ quan gửi văn bản trong {{duration}} kể từ khi ban hành.",
      link: "Nhận văn bản điện tử",
    },
    complaint: {
      title: "Khiếu nại một quyết định, hành vi",
      sentence: "Khi bạn cho rằng quyết định hoặc hành vi của chấp hành viên, thủ trưởng cơ quan thi hành án xâm phạm quyền lợi của mình.",
      who: "Đương sự hoặc người có quyền lợi, nghĩa vụ liên quan bị ảnh hưởng trực tiếp.",
      needs: "Quyết định hoặc hành vi bị khiếu nại, lý do và tài liệu kèm theo.",
      time: "Đơn được thụ lý hoặc trả lời trong {{duration}}; thời hạn giải quyết tùy loại quyết định.",
      link: "Gửi khiếu nại",
    },
    denunciation: {
      title: "Tố cáo hành vi vi phạm pháp luật",
      sentence: "Báo cho cơ quan có thẩm quyền biết hành vi vi phạm pháp luật của cán bộ thi hành án.",
      who: "Bất kỳ cá nhân nào biết về hành vi vi phạm.",
      needs: "Họ tên, địa chỉ của bạn; nội dung hành vi vi phạm và chứng cứ nếu có.",
      time: "Tố cáo được thụ lý hoặc trả lời trong {{duration}}.",
      link: "Gửi tố cáo",
    },
    feedback: {
      title: "Phản ánh, kiến nghị",
      sentence: "Góp ý về cách làm việc của cơ quan thi hành án, hoặc đề nghị sửa đổi một quy định, thủ tục.",
      who: "Bất kỳ ai.",
      needs: "Nội dung phản ánh, kiến nghị; cách liên lạc với bạn.",
      time: "Cơ quan xem xét và trả lời theo quy định về tiếp nhận phản ánh, kiến nghị.",
      link: "Gửi phản ánh, kiến nghị",
    },
    confirmation: {
      title: "Xin xác nhận kết quả thi hành án",
      sentence: "Xin văn bản xác nhận những gì đã được thi hành trong hồ sơ của bạn.",
      who: "Đương sự trong hồ sơ thi hành án.",
      needs: "Mã hồ sơ thi hành án và giấy tờ tùy thân.",
      time: "Cơ quan cấp giấy xác nhận trong {{duration}}.",
      link: "Xin xác nhận kết quả",
    },
    officer: {
      title: "Đề nghị thay đổi chấp hành viên",
      sentence: "Khi bạn có căn cứ cho rằng chấp hành viên phụ trách hồ sơ không thể vô tư khi làm nhiệm vụ.",
      who: "Đương sự trong hồ sơ thi hành án.",
      needs: "Mã hồ sơ, lý do và tài liệu chứng minh.",
      time: "Thủ trưởng cơ quan trả lời trong {{duration}}.",
      link: "Đề nghị thay đổi chấp hành viên",
    },
    debtorList: {
      title: "Xem danh sách người phải thi hành án chưa có điều kiện thi hành",
      sentence: "Tra cứu danh sách được công khai theo quy định trước khi giao dịch với một người.",
      who: "Bất kỳ ai, không cần tài khoản.",
      needs: "Tên người hoặc tổ chức cần tra cứu.",
      time: "Kết quả hiện ngay.",
      link: "Tra cứu danh sách",
    },
    lookup: {
      title: "Xem tình trạng một hồ sơ",
      sentence: "Biết hồ sơ của bạn đang ở bước nào, không cần đăng nhập.",
      who: "Người có mã hồ sơ và mã tra cứu.",
      needs: "Mã hồ sơ và mã tra cứu ghi trên giấy biên nhận hoặc thư điện tử.",
      time: "Kết quả hiện ngay.",
      link: "Tra cứu hồ sơ",
    },
  },
};

export default triage;
