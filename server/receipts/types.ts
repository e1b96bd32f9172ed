// Pure types shared by the server and the pages (no Node imports).

/** What a receipt says (signed exactly as stored). */
export type ReceiptContent = {
  formNumber: string;
  symbol: string;
  number: string;
  year: number;
  office: { code: string; name: string; address: string | null };
  /**
   * kind: "organisation" when the notice named the payer by a tax code (its number is then in full,
   * being public), else a person (ID number masked). Receipts issued before issue 10 have no kind.
   */
  payer: { kind?: "person" | "organisation"; name: string; idNumber: string; address: string };
  reason: { text: string; noticeNumber: string; court: string; courtDocumentNumber: string | null; caseReference: string };
  amount: number;
  currency: "VND";
  amountInWords: string;
  method: { name: "VNPay"; txnRef: string; transactionNo: string | null; bankCode: string | null };
  paidAt: string;
  issuedAt: string;
  replaces: { symbol: string; number: string; code: string } | null;
};


/** The labels of the payer's name and number on a receipt: an organisation's name and tax code, or a person's. */
export function payerLabelKeys(payer: ReceiptContent["payer"]) {
  return payer.kind === "organisation"
    ? ({ name: "receipts.doc.payerOrganisation", id: "receipts.doc.payerTaxCode" } as const)
    : ({ name: "receipts.doc.payer", id: "receipts.doc.payerId" } as const);
}
