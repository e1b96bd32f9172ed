-- Decision documents of cases (issue 12, docs/decisions/062-one-event-form-and-decision-documents.md): every
-- case event whose definition names a document (acceptance decision, refusal notice, request for more
-- information, forwarding letter, officer assignment decision, closing decision) has its PDF rendered once,
-- by the job `case_document`, and kept as an immutable stored document: kind 'case-document', owner_id = the
-- case, version = the event's seq in that case, locale 'vi' (the office issues it in Vietnamese). What it is
-- (which event, which document) is read from case_events by (case_id, seq); who may read it is the case's
-- scope, decided by the route that serves it.
alter table stored_documents drop constraint stored_documents_kind_check;
alter table stored_documents add constraint stored_documents_kind_check
  check (kind in ('receipt-pdf', 'receipt-qr', 'filing-request-pdf', 'case-document'));
