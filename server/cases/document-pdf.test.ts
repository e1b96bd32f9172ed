import { describe, expect, it } from "vitest";
import { pdfText } from "../../test/pdf-text";
import { documentNumber, placeOf, renderCaseDocument, type CaseDocumentInput } from "./document-pdf.server";

const base: CaseDocumentInput = {
  document: "acceptance-decision",
  eventTitle: "Thụ lý",
  number: "15/QĐ-CCTHADS",
  issuedAt: new Date("2026-12-02T03:00:00Z"),
  agency: { name: "Phòng Thi hành án dân sự khu vực 1 – Hà Nội", parentName: "Thi hành án dân sự thành phố Hà Nội", address: "Số 10 Lý Thường Kiệt, phường Hoàn Kiếm, Hà Nội" },
  case: { reference: "YC-2026-000123", caseNumber: "HNI-KV01-2026-000007", applicantName: "Nguyễn Thị Hồng Nhung", otherPartyName: "Đặng Quốc Việt", receivedAt: new Date("2026-11-30T02:00:00Z") },
  words: { decisionNumber: "15/QĐ-CCTHADS", decisionDate: "01/12/2026" },
  signerName: "Phạm Quốc Hùng",
};

/** pdftotext breaks lines where the layout does: compare words, not line breaks. */
const flat = (s: string) => s.replace(/\s+/g, " ");

describe("decision documents (PDF text layer)", () => {
  it("an acceptance decision carries the office header, motto, number, place and date and the case number, diacritics intact", async () => {
    const text = flat(await pdfText(await renderCaseDocument(base)));
    expect(text).toContain("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("Độc lập – Tự do – Hạnh phúc");
    expect(text).toContain("THI HÀNH ÁN DÂN SỰ THÀNH PHỐ HÀ NỘI");
    expect(text).toContain("PHÒNG THI HÀNH ÁN DÂN SỰ KHU VỰC 1 – HÀ NỘI");
    expect(text).toContain("Số: 15/QĐ-CCTHADS");
    expect(text).toContain("Hà Nội, ngày 02 tháng 12 năm 2026");
    expect(text).toContain("QUYẾT ĐỊNH THI HÀNH ÁN");
    expect(text).toContain("HNI-KV01-2026-000007");
    expect(text).toContain("Nguyễn Thị Hồng Nhung");
    expect(text).toContain("Đặng Quốc Việt");
    expect(text).toContain("Quyết định số 15/QĐ-CCTHADS ngày 01/12/2026");
  });

  it("a refusal notice names the legal ground and its article and says the applicant can file again", async () => {
    const text = flat(await pdfText(await renderCaseDocument({ ...base, document: "refusal-notice", number: "3/TB-HNI-KV01", ground: "time-limit-passed", words: { ground: "x", note: "Bản án có hiệu lực từ năm 2019." } })));
    expect(text).toContain("THÔNG BÁO TỪ CHỐI YÊU CẦU THI HÀNH ÁN");
    expect(text).toContain("Hết thời hiệu yêu cầu thi hành án (khoản 5 Điều 31 Luật Thi hành án dân sự)");
    expect(text).toContain("Bản án có hiệu lực từ năm 2019.");
    expect(text).toContain("có thể gửi lại đơn yêu cầu thi hành án");
    expect(text).not.toContain("QUYẾT ĐỊNH THI HÀNH ÁN");
    expect(text).toContain("THỦ TRƯỞNG");
    const byClerk = flat(await pdfText(await renderCaseDocument({ ...base, document: "refusal-notice", ground: "not-competent", words: {}, signerIsHead: false })));
    expect(byClerk).toContain("TL. THỦ TRƯỞNG");
  });

  it("a forwarding letter, an assignment and a closing decision name the target office, the officer and the reason", async () => {
    const fwd = flat(await pdfText(await renderCaseDocument({ ...base, document: "forwarding-letter", targetAgencyName: "Phòng Thi hành án dân sự khu vực 2 – Hà Nội", words: {} })));
    expect(fwd).toContain("Kính gửi: Phòng Thi hành án dân sự khu vực 2 – Hà Nội");
    expect(fwd).toContain("CÔNG VĂN CHUYỂN ĐƠN YÊU CẦU THI HÀNH ÁN");
    const assign = flat(await pdfText(await renderCaseDocument({ ...base, document: "assignment-decision", officerName: "Trần Văn Đức", replaces: true, words: {} })));
    expect(assign).toContain("Phân công Chấp hành viên Trần Văn Đức");
    expect(assign).toContain("thay thế việc phân công trước đó");
    const close = flat(await pdfText(await renderCaseDocument({ ...base, document: "closing-decision", words: { reason: "Đã thi hành xong" } })));
    expect(close).toContain("QUYẾT ĐỊNH KẾT THÚC THI HÀNH ÁN");
    expect(close).toContain("Lý do: Đã thi hành xong");
  });

  it("another procedure's document is titled by its own name and addressed to the person who filed, not an enforcement applicant", async () => {
    const text = flat(await pdfText(await renderCaseDocument({ ...base, document: "complaint-decision", eventTitle: "Quyết định giải quyết khiếu nại", words: { summary: "Hủy quyết định cưỡng chế." } })));
    expect(text).toContain("QUYẾT ĐỊNH GIẢI QUYẾT KHIẾU NẠI");
    expect(text).toContain("Hủy quyết định cưỡng chế.");
    expect(text).toContain("Người gửi đơn");
    expect(text).not.toContain("Người yêu cầu thi hành án;");
  });

  it("a request for more information lists the message and the documents asked for", async () => {
    const text = flat(await pdfText(await renderCaseDocument({ ...base, document: "information-request", number: "2/TB-HNI-KV01", words: { message: "Đề nghị nộp bản án có xác nhận hiệu lực." }, requestedDocuments: ["Bản án, quyết định", "Giấy tờ tùy thân"] })));
    expect(text).toContain("THÔNG BÁO YÊU CẦU BỔ SUNG THÔNG TIN, TÀI LIỆU");
    expect(text).toContain("Đề nghị nộp bản án có xác nhận hiệu lực.");
    expect(text).toContain("- Bản án, quyết định");
    expect(text).toContain("- Giấy tờ tùy thân");
  });

  it("numbers documents from the decision number or the event's sequence and the office code", () => {
    expect(documentNumber("refusal-notice", { seq: 3, agencyCode: "HNI-KV01" })).toBe("3/TB-HNI-KV01");
    expect(documentNumber("acceptance-decision", { seq: 2, agencyCode: "HNI-KV01", decisionNumber: " 15/QĐ " })).toBe("15/QĐ");
    expect(placeOf("Số 10 Lý Thường Kiệt, phường Hoàn Kiếm, Hà Nội")).toBe("Hà Nội");
    expect(placeOf(null)).toBe("");
  });
});
