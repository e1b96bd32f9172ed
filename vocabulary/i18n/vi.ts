import filingVi from "./sections/filing.vi";
import accountVi from "./sections/account.vi";
import secondFactorVi from "./sections/second-factor.vi";
/**
 * Vietnamese: the source of every visible string. Large areas keep their strings in
 * `sections/<area>.vi.ts` and `sections/<area>.en.ts` (typed with `Translation<typeof area>`), added here
 * and in en.ts as one key each.
 *
 * Vietnamese: the source of every visible string. `en.ts` is typed from this object, so a key missing
 * in English fails the type check (and `i18n.test.ts` checks both ways).
 */
import receiptsVi from "./sections/receipts.vi";
import adminVi from "./sections/admin.vi";
import answersVi from "./sections/answers.vi";
import casesVi from "./sections/cases.vi";
import deadlinesVi from "./sections/deadlines.vi";
import auditlogVi from "./sections/auditlog.vi";
import satisfactionVi from "./sections/satisfaction.vi";
import statisticsVi from "./sections/statistics.vi";
import inboxVi from "./sections/inbox.vi";
import paymentsVi from "./sections/payments.vi";
import workflowVi from "./sections/workflow.vi";
import handoffVi from "./sections/handoff.vi";
import statusVi from "./sections/status.vi";
import followVi from "./sections/follow.vi";
import lookupVi from "./sections/lookup.vi";
import mycasesVi from "./sections/mycases.vi";
import apiVi from "./sections/api.vi";
import organisationsVi from "./sections/organisations.vi";
import debtorListVi from "./sections/debtorList.vi";
import submissionsVi from "./sections/submissions.vi";
import denunciationsVi from "./sections/denunciations.vi";
import feedbackVi from "./sections/feedback.vi";
import serviceVi from "./sections/service.vi";
import complaintsVi from "./sections/complaints.vi";
import triageVi from "./sections/triage.vi";
import confirmationVi from "./sections/confirmation.vi";
import officerChangeVi from "./sections/officerChange.vi";

const vi = {
  meta: {
    siteName: "Cổng dịch vụ công Thi hành án dân sự",
    siteShort: "Cổng THADS",
    description:
      "Gửi đơn yêu cầu thi hành án, nộp tiền tạm ứng án phí, theo dõi hồ sơ và nhận văn bản điện tử trực tuyến.",
  },
  layout: {
    skipLink: "Bỏ qua, đến nội dung chính",
    govLine: "Bộ Tư pháp · Hệ thống Thi hành án dân sự",
    navLabel: "Điều hướng chính",
    nav: { home: "Trang chủ", services: "Dịch vụ", staff: "Cán bộ" },
    footer: {
      heading: "Liên hệ",
      agency: "Cục Quản lý thi hành án dân sự – Bộ Tư pháp",
      address: "Địa chỉ: 60 Trần Phú, phường Ba Đình, Hà Nội",
      hotline: "Đường dây nóng: 1900 0000 (giờ hành chính)",
      email: "Thư điện tử: hotro@thads.gov.vn",
      hours: "Tiếp nhận trực tuyến 24/7; xử lý trong giờ hành chính.",
      note: "Bản thử nghiệm. Dữ liệu trên cổng này là dữ liệu minh hoạ.",
    },
  },
  lang: {
    label: "Ngôn ngữ",
    switchTo: "English",
    switchToLang: "en",
    submit: "Đổi ngôn ngữ",
  },
  home: {
    title: "Dịch vụ công trực tuyến Thi hành án dân sự",
    lead: "Làm thủ tục thi hành án trực tuyến từ đầu đến cuối: không phải đến cơ quan, một biên lai điện tử cho mỗi lần nộp tiền, theo dõi hồ sơ mọi lúc.",
    servicesHeading: "Các dịch vụ",
    triageLink: "Chưa biết chọn dịch vụ nào? Xem “Bạn cần làm gì?”",
    openService: "Mở dịch vụ",
    debtorListLink: "Tra cứu danh sách người phải thi hành án chưa có điều kiện thi hành",
    helpHeading: "Cần hỗ trợ?",
    helpText: "Gọi đường dây nóng hoặc đến Bộ phận tiếp nhận của cơ quan thi hành án dân sự gần nhất.",
  },
  services: {
    "yeu-cau-thi-hanh-an": {
      name: "Gửi đơn yêu cầu thi hành án",
      description: "Nộp đơn và tài liệu kèm theo trực tuyến, nhận mã hồ sơ để theo dõi.",
    },
    "tong-dat-van-ban": {
      name: "Nhận văn bản, giấy tờ được tống đạt điện tử",
      description: "Nhận và xác nhận đã nhận quyết định, thông báo của cơ quan thi hành án.",
    },
    "nop-tien": {
      name: "Nộp tiền thi hành án và tạm ứng án phí",
      description: "Thanh toán qua VNPay và nhận ngay một biên lai điện tử có thể kiểm tra.",
    },
    "khieu-nai-to-cao": {
      name: "Khiếu nại, tố cáo, phản ánh, kiến nghị",
      description: "Gửi khiếu nại, tố cáo, phản ánh, kiến nghị và nhận kết quả giải quyết.",
    },
    "xac-nhan-ket-qua": {
      name: "Xác nhận kết quả thi hành án",
      description: "Đề nghị cơ quan thi hành án xác nhận kết quả thi hành án của bạn.",
    },
    "thay-doi-chap-hanh-vien": {
      name: "Đề nghị thay đổi chấp hành viên",
      description: "Gửi đề nghị thay đổi chấp hành viên kèm lý do và tài liệu.",
    },
    "danh-sach-chua-co-dieu-kien": {
      name: "Danh sách người phải thi hành án chưa có điều kiện thi hành",
      description: "Tra cứu danh sách được công khai theo quy định.",
    },
  },
  errors: {
    notFoundTitle: "Không tìm thấy trang",
    notFoundBody: "Trang bạn tìm không tồn tại hoặc đã được chuyển đi. Hãy kiểm tra lại địa chỉ.",
    serverTitle: "Đã có lỗi xảy ra",
    serverBody: "Hệ thống gặp sự cố khi xử lý yêu cầu. Dữ liệu bạn đã nhập không bị mất; vui lòng thử lại sau ít phút.",
    unavailableTitle: "Hệ thống đang tạm gián đoạn",
    unavailableBody: "Cổng dịch vụ tạm thời chưa xử lý được yêu cầu của bạn. Dữ liệu bạn đã nhập không bị mất; vui lòng thử lại sau ít phút. Nếu bạn vừa thanh toán, khoản tiền không bị mất: kết quả sẽ được cập nhật khi hệ thống hoạt động trở lại.",
    reference: "Mã tham chiếu: {{id}}",
    tooManyTitle: "Bạn thao tác quá nhanh",
    tooManyBody: "Vui lòng đợi {{seconds, wait}} rồi thử lại.",
    forbiddenTitle: "Không được phép",
    forbiddenBody: "Yêu cầu này không hợp lệ hoặc bạn không có quyền thực hiện.",
    backHome: "Về trang chủ",
    summaryTitle: "Có {{count}} lỗi cần sửa",
    titlePrefix: "Lỗi: ",
    badRequestTitle: "Không đọc được dữ liệu đã gửi",
    badRequestBody: "Dữ liệu biểu mẫu gửi lên bị hỏng hoặc có ký tự không được phép. Hãy quay lại trang trước, kiểm tra nội dung đã nhập rồi gửi lại.",
    tooLargeTitle: "Dữ liệu gửi lên quá lớn",
    tooLargeBody: "Mỗi lần gửi chỉ được tối đa {{size}}. Hãy quay lại trang trước, rút ngắn nội dung đã nhập rồi gửi lại.",
    unsupportedTitle: "Dữ liệu không được gửi từ biểu mẫu",
    unsupportedBody: "Trang này chỉ nhận dữ liệu gửi từ biểu mẫu của cổng. Hãy mở lại trang và gửi biểu mẫu trên đó.",
  },
  validation: {
    controlChars: "{{field}} có ký tự điều khiển không được phép (ví dụ ký tự rỗng hoặc ký tự thoát). Hãy xóa chúng rồi nhập lại, hoặc gõ lại nội dung thay vì dán.",
    lineBreaks: "{{field}} chỉ được nhập trên một dòng. Hãy xóa dấu xuống dòng và dấu tab.",
    tooLong: "{{field}} chỉ được dài tối đa {{max}} ký tự. Hãy rút ngắn nội dung.",
    thisField: "Trường này",
  },
  staff: {
    signInTitle: "Đăng nhập dành cho cán bộ",
    signInLead: "Cán bộ cơ quan thi hành án dân sự đăng nhập bằng thư điện tử công vụ.",
    email: "Thư điện tử",
    password: "Mật khẩu",
    signIn: "Đăng nhập",
    signOut: "Đăng xuất",
    signOutEverywhere: "Đăng xuất trên mọi thiết bị",
    badCredentials: "Thư điện tử hoặc mật khẩu không đúng.",
    emailRequired: "Nhập thư điện tử.",
    emailInvalid: "Thư điện tử không đúng định dạng, ví dụ: ten@thads.gov.vn.",
    passwordRequired: "Nhập mật khẩu.",
    passwordTooLong: "Mật khẩu phải có tối đa 200 ký tự.",
    rateLimited: "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {{seconds, wait}}.",
    areaTitle: "Khu vực làm việc của cán bộ",
    welcome: "Xin chào, {{name}}",
    roleAt: "{{role}} – {{agency}}",
    yourRoles: "Vai trò của bạn",
    useTheBar: "Các mục bạn dùng được theo vai trò của mình nằm ở thanh cán bộ phía trên mỗi trang.",
    signedOut: "Bạn đã đăng xuất.",
    nav: {
      label: "Khu vực cán bộ",
      signedInAs: "Đã đăng nhập: {{name}}",
      home: "Trang cán bộ",
      cases: "Hộp công việc",
      requests: "Đơn yêu cầu",
      notices: "Thông báo nộp tiền",
      receipts: "Biên lai",
      reconciliation: "Đối soát",
      refunds: "Hoàn trả tiền",
      admin: "Quản trị",
      audit: "Nhật ký",
      statistics: "Thống kê",
      handoff: "Chuyển hồ sơ sang Phần mềm Thụ lý",
      debtorList: "Danh sách chưa có điều kiện thi hành",
    },
    roles: {
      clerk: "Cán bộ tiếp nhận",
      officer: "Chấp hành viên",
      accountant: "Kế toán",
      head: "Thủ trưởng",
      admin: "Quản trị hệ thống",
      "denunciation-handler": "Cán bộ giải quyết tố cáo",
    },
  },
  filing: filingVi,
  account: accountVi,
  secondFactor: secondFactorVi,
  outbox: {
    title: "Hộp thư đi (chỉ dùng khi phát triển)",
    lead: "Khi chưa cấu hình SMTP_URL, thư được lưu tại đây thay vì gửi đi.",
    empty: "Chưa có thư nào.",
    to: "Người nhận",
    subject: "Tiêu đề",
    at: "Thời điểm",
    view: "Xem",
  },
  email: {
    signInAlert: {
      subject: "Tài khoản của bạn vừa được đăng nhập",
      preview: "Đăng nhập lúc {{time}}",
      greeting: "Kính gửi {{name}},",
      body: "Tài khoản cán bộ của bạn trên Cổng dịch vụ công Thi hành án dân sự vừa được đăng nhập lúc {{time}} từ địa chỉ IP {{ip}}.",
      ifNotYou: "Nếu không phải bạn, hãy đăng nhập, chọn “Đăng xuất trên mọi thiết bị” và báo ngay cho quản trị viên.",
      signature: "Cổng dịch vụ công Thi hành án dân sự",
      automated: "Đây là thư tự động, vui lòng không trả lời.",
    },
  },
  payments: paymentsVi,
  receipts: receiptsVi,
  admin: adminVi,
  answers: answersVi,
  workflow: workflowVi,
  cases: casesVi,
  deadlines: deadlinesVi,
  auditlog: auditlogVi,
  inbox: inboxVi,
  handoff: handoffVi,
  status: statusVi,
  follow: followVi,
  lookup: lookupVi,
  mycases: mycasesVi,
  api: apiVi,
  organisations: organisationsVi,
  debtorList: debtorListVi,
  submissions: submissionsVi,
  denunciations: denunciationsVi,
  feedback: feedbackVi,
  service: serviceVi,
  complaints: complaintsVi,
  triage: triageVi,
  confirmation: confirmationVi,
  officerChange: officerChangeVi,
  satisfaction: satisfactionVi,
  statistics: statisticsVi,
};

export default vi;
export type Resource = typeof vi;
