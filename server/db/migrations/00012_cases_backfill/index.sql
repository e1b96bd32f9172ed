-- Backfill (issue 12, docs/decisions/058-case-types-as-data.md): every enforcement request filed before the
-- case engine existed gets its case, in state `received` at its office, with event seq 1 `received`, its
-- timeline entry and its audit entry, as the engine's openCase writes them for new requests. No statutory
-- clock is started here: working days need the calendar (server/deadlines), and these requests were received
-- before the clocks existed; staff see them as received, without a deadline.
-- search_text follows server/cases/search.ts (Vietnamese letters of either case mapped to their base letter by
-- translate() — lower() alone leaves them as they are under the C locale —, then lower case, runs
-- of other characters collapsed to a space, parts joined by " | "), for NFC text as the portal stores it.
create temporary table backfill_cases on commit drop as
select gen_random_uuid() as case_id, r.id as request_id, r.reference, r.agency_id, r.applicant_name, r.debtor_name, r.submitted_at, r.citizen_id
from enforcement_requests r
where not exists (select 1 from cases c where c.case_type = 'enforcement-request' and c.submission_id = r.id);

insert into cases (id, case_type, submission_id, reference, agency_id, state, applicant_name, other_party_name, search_text, received_at, updated_at)
select b.case_id, 'enforcement-request', b.request_id, b.reference, b.agency_id, 'received', b.applicant_name, nullif(b.debtor_name, ''),
  concat_ws(' | ', btrim(regexp_replace(lower(translate(b.reference, 'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸĐ', 'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyydaaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd')), '[^a-z0-9]+', ' ', 'g')), btrim(regexp_replace(lower(translate(b.applicant_name, 'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸĐ', 'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyydaaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd')), '[^a-z0-9]+', ' ', 'g')), nullif(btrim(regexp_replace(lower(translate(b.debtor_name, 'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸĐ', 'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyydaaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd')), '[^a-z0-9]+', ' ', 'g')), '')),
  b.submitted_at, b.submitted_at
from backfill_cases b;

with e as (
  insert into case_events (case_id, seq, event, from_state, to_state, actor_type, actor_id, fields, public, at)
  select b.case_id, 1, 'received', null, 'received', 'citizen', b.citizen_id, '{}'::jsonb, true, b.submitted_at from backfill_cases b
  returning id, case_id, at
)
insert into case_timeline (case_id, event_id, event, at, details) select e.case_id, e.id, 'received', e.at, '{}'::jsonb from e;

insert into audit_log (actor_type, actor_id, agency_id, action, target_type, target_id, details)
select 'system', null, b.agency_id, 'case.received', 'case', b.case_id::text,
  jsonb_build_object('caseType', 'enforcement-request', 'from', null, 'to', 'received', 'seq', 1, 'reference', b.reference, 'backfill', true)
from backfill_cases b;
