// The browser-safe entry of server/answers (answering a request for information, ADR 063): limits and
// types the pages share. No Node built-ins, no *.server files.

/** The document types a citizen can send with an answer (the same list as the filing journey's attachments). */
export const ANSWER_DOCUMENT_TYPES = ["judgment", "identity", "authorisation", "assets", "other"] as const;
export type AnswerDocumentType = (typeof ANSWER_DOCUMENT_TYPES)[number];

/** Files one answer may carry, and the size of each. */
export const ANSWER_MAX_FILES = 10;
export const ANSWER_MAX_FILE_BYTES = 20 * 1024 * 1024;
/** The written answer, in characters (the citizenAnswered event's message limit). */
export const ANSWER_MAX_CHARS = 2000;
/** How long the e-mailed link (and the request) stays open, in days from the question. */
export const INFO_REQUEST_TTL_DAYS = 30;

/** What can go wrong with an answer; words at `answers.errors.<code>`. */
export type AnswerProblem = {
  code: "empty" | "tooLong" | "noFile" | "tooBig" | "wrongType" | "tooMany" | "infected" | "emptyFile" | "badType" | "alreadyAnswered" | "closed";
  name?: string;
};

/** One question of the office, as the citizen and staff see it. */
export type InfoRequestView = {
  id: string;
  caseId: string;
  reference: string;
  officeName: string;
  message: string;
  requestedDocuments: string[];
  askedAt: string;
  expiresAt: string;
  answeredAt: string | null;
  answerText: string | null;
  answeredVia: "link" | "account" | null;
  files: { id: string; documentType: string; originalName: string; contentType: string; sizeBytes: number }[];
};
