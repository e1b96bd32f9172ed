/** Phản ánh, kiến nghị (issue 14 item 5, ADR 076): the procedure's name and its case type's words. */
const feedback = {
  name: "Phản ánh, kiến nghị",
  case: {
    states: { received: "Đã tiếp nhận", answered: "Đã trả lời", closed: "Đã kết thúc" },
    party: {
      states: {
        received: "Cơ quan đã nhận phản ánh, kiến nghị của bạn và sẽ trả lời.",
        answered: "Cơ quan đã trả lời phản ánh, kiến nghị của bạn.",
        closed: "Việc xử lý phản ánh, kiến nghị đã kết thúc.",
      },
      next: {
        received: "Bạn không cần làm gì thêm. Hãy giữ mã hồ sơ và mã tra cứu để đọc câu trả lời.",
        answered: "Hãy đọc câu trả lời của cơ quan.",
        closed: "Không còn việc gì cần làm.",
      },
      happened: { received: "Phản ánh, kiến nghị đã được tiếp nhận", answer: "Cơ quan đã trả lời", close: "Đã kết thúc" },
    },
    clocks: {},
    events: {
      received: { title: "Tiếp nhận phản ánh, kiến nghị" },
      answer: { title: "Trả lời", fields: { answer: { label: "Câu trả lời" } } },
      close: { title: "Kết thúc" },
    },
  },
};
export default feedback;
