import type { Answers } from "./journey";

/** A filed enforcement request as staff pages show it (browser-safe: types only). */
export type SubmittedRequest = {
  id: string;
  reference: string;
  agencyId: string;
  agencyName: string;
  agencyAddress: string | null;
  agencyPhone: string | null;
  courtName: string;
  applicantName: string;
  applicantEmail: string | null;
  submittedAt: Date;
  pastTimeLimit: boolean;
  status: string;
  answers: Answers;
  locale: "vi" | "en";
};

/** What the staff case page shows of an enforcement request: the request as filed and its files. */
export type RequestSection = {
  request: SubmittedRequest;
  attachments: { id: string; documentType: string; originalName: string; contentType: string; sizeBytes: number; scanStatus: string }[];
};
