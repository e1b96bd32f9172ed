/**
 * The citizen services of DESIGN.md section 1, in the order the home page lists them. A service that is
 * not built yet leads to an honest "coming soon" page; a later issue flips `available` and adds its route.
 */
export const SERVICES = [
  { slug: "yeu-cau-thi-hanh-an", available: true },
  { slug: "tong-dat-van-ban", available: false },
  { slug: "nop-tien", available: true },
  { slug: "khieu-nai-to-cao", available: false },
  { slug: "xac-nhan-ket-qua", available: false },
  { slug: "thay-doi-chap-hanh-vien", available: false },
  { slug: "danh-sach-chua-co-dieu-kien", available: false },
] as const;

export type ServiceSlug = (typeof SERVICES)[number]["slug"];

export function findService(slug: string | undefined) {
  return SERVICES.find((s) => s.slug === slug);
}
