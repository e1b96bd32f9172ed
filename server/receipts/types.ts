// Pure types shared by the server and the pages (no Node imports).

/** What a receipt says (signed exactly as stored). */
export type ReceiptContent = {
  formNumber: string;
  symbol: string;
  number: string;
  year: number;
  office: { code: string; name: string; address: string | null };
  payer: { name: string; idNumber: string; address: string };
  reason: { text: string; noticeNumber: string; court: string; courtDocumentNumber: string | null; caseReference: string };
  amount: number;
  currency: "VND";
  amountInWords: string;
  method: { name: "VNPay"; txnRef: string; transactionNo: string | null; bankCode: string | null };
  paidAt: string;
  issuedAt: string;
  replaces: { symbol: string; number: string; code: string } | null;
};

