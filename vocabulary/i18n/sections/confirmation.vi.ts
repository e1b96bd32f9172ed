/** Confirmation of enforcement result (issue 14 item 6, ADR 077): the procedure, its case type and its certificate. */
const confirmation = {
  name: "yêu cầu xác nhận kết quả thi hành án",
  title: "Xác nhận kết quả thi hành án",
  case: {
    type: "Xác nhận kết quả thi hành án",
    states: { received: "Đã tiếp nhận, chờ xác nhận", confirmed: "Đã xác nhận", refused: "Từ chối xác nhận", closed: "Đã kết thúc" },
    party: {
      states: {
        received: "Cơ quan thi hành án đã nhận yêu cầu và đang kiểm tra kết quả thi hành án của hồ sơ.",
        confirmed: "Cơ quan thi hành án đã cấp giấy xác nhận kết quả thi hành án có chữ ký số.",
        refused: "Cơ quan thi hành án từ chối xác nhận. Lý do có trong văn bản trả lời.",
        closed: "Yêu cầu xác nhận đã được giải quyết xong.",
      },
      next: {
        received: "Bạn không cần làm gì thêm. Cơ quan sẽ báo cho bạn khi có kết quả.",
        confirmed: "Bạn có thể tải giấy xác nhận và kiểm tra chữ ký tại trang xác minh.",
        refused: "Nếu bạn khắc phục được lý do từ chối, bạn có thể gửi lại yêu cầu.",
        closed: "Không còn việc gì cần làm.",
      },
      happened: {
        received: "Yêu cầu xác nhận đã được tiếp nhận",
        confirm: "Đã cấp giấy xác nhận kết quả thi hành án",
        refuse: "Yêu cầu xác nhận không được chấp nhận",
        close: "Yêu cầu xác nhận đã kết thúc",
      },
    },
    clocks: { issue: "Cấp giấy xác nhận kết quả thi hành án" },
    events: {
      received: { title: "Tiếp nhận yêu cầu" },
      confirm: {
        title: "Xác nhận kết quả thi hành án",
        fields: {
          amountCollected: { label: "Số tiền đã thu (đồng)", hint: "Ví dụ: 15.000.000. Ghi 0 nếu chưa thu được." },
          amountPaidOut: { label: "Số tiền đã chi trả (đồng)", hint: "Ví dụ: 10.000.000. Ghi 0 nếu chưa chi trả." },
          obligations: { label: "Tình trạng từng nghĩa vụ", hint: "Mỗi nghĩa vụ một dòng: đã thi hành xong, thi hành một phần hoặc chưa thi hành." },
        },
      },
      refuse: { title: "Từ chối xác nhận", fields: { reason: { label: "Lý do từ chối" } } },
      close: { title: "Kết thúc hồ sơ" },
    },
    errors: {
      amount: "Nhập số tiền bằng chữ số, ví dụ 15.000.000.",
      obligations: "Nhập tình trạng của từng nghĩa vụ.",
      reason: "Nhập lý do.",
      tooLong: "Nội dung quá dài (tối đa 2.000 ký tự).",
    },
  },
  verify: {
    title: "Xác minh giấy xác nhận kết quả thi hành án",
    valid: "Giấy xác nhận hợp lệ",
    validBody: "Chữ ký số đúng: nội dung dưới đây là nội dung cơ quan thi hành án đã ký.",
    invalid: "Giấy xác nhận không hợp lệ",
    invalidBody: "Chữ ký số không khớp với nội dung. Đừng tin vào giấy này.",
    notFoundTitle: "Không tìm thấy giấy xác nhận",
    notFoundBody: "Không có giấy xác nhận nào với mã này. Hãy kiểm tra lại mã in trên giấy.",
    code: "Mã giấy xác nhận",
    reference: "Mã hồ sơ xác nhận",
    relatedReference: "Hồ sơ thi hành án",
    applicant: "Người yêu cầu",
    office: "Cơ quan cấp",
    amountCollected: "Số tiền đã thu",
    amountPaidOut: "Số tiền đã chi trả",
    obligations: "Tình trạng nghĩa vụ",
    confirmedAt: "Thời điểm xác nhận",
    keys: "Khóa công khai",
    howTo: "Bạn cũng có thể tự kiểm tra chữ ký JWS bằng các khóa công khai tại {{url}}.",
  },
};
export default confirmation;
