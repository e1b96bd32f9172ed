import { debtorListPath, servicePath, triagePath } from "./service-path";

/**
 * The citizen services of DESIGN.md section 1, in the order the home page lists them, each with the page
 * it leads to (ADR 078: none is "coming soon" any more). Complaints, denunciations, feedback and petitions
 * are four procedures: their card leads to the triage page's section that tells them apart.
 */
export const SERVICES = [
  { slug: "yeu-cau-thi-hanh-an", href: servicePath("yeu-cau-thi-hanh-an") },
  { slug: "tong-dat-van-ban", href: servicePath("tong-dat-van-ban") },
  { slug: "nop-tien", href: servicePath("nop-tien") },
  { slug: "khieu-nai-to-cao", href: `${triagePath}#khieu-nai-to-cao` },
  { slug: "xac-nhan-ket-qua", href: servicePath("xac-nhan-ket-qua") },
  { slug: "thay-doi-chap-hanh-vien", href: servicePath("thay-doi-chap-hanh-vien") },
  { slug: "danh-sach-chua-co-dieu-kien", href: debtorListPath },
] as const;

export type ServiceSlug = (typeof SERVICES)[number]["slug"];
