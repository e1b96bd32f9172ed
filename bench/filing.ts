/**
 * Bench scenario: filing an enforcement request. Measures, against a running portal on loopback,
 * (1) uploading one 1 MB PDF to the attachments step (multipart, streamed to storage, content-checked)
 * and (2) the submit action of "check your answers" (one transaction: request, attachment records,
 * audit entry, confirmation e-mail job). Drafts are prepared through the real step actions first (not
 * timed). Bounded: REQUESTS drafts, CONCURRENCY at a time.
 */
const REQUESTS = 60;
const CONCURRENCY = 4;

type Result = { name: string; requests: number; rps: number; p50: number; p99: number; errors: number; note?: string };

const STEPS: [string, Record<string, string>][] = [
  ["nguoi-nop-don", { role: "creditor", party: "person", actingAs: "self" }],
  ["thong-tin-ca-nhan", { fullName: "Nguyễn Văn An", birthDate: "1985-04-12", cccd: "001085012345", address: "Số 1 Tràng Tiền, Hà Nội", phone: "0912345678" }],
  ["ban-an", { court: "TAND-HNI-KV01", judgmentNumber: "125/2024/DS-ST", judgmentDate: "2024-03-01", effectiveDate: "2024-04-01" }],
  ["nguoi-phai-thi-hanh-an", { debtorKind: "person", debtorName: "Trần Thị Bình", debtorAddress: "Hà Nội" }],
  ["noi-dung-yeu-cau", { obligations: "money", amount: "150000000" }],
  ["tai-san-thu-nhap", {}],
];

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function pool<T>(items: T[], n: number, fn: (x: T) => Promise<void>) {
  let i = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (i < items.length) await fn(items[i++]!);
  }));
}

export default async function run(ctx: { baseUrl: string; databaseUrl: string }): Promise<Result[]> {
  const base = `${ctx.baseUrl.replace(/\/$/, "")}/dich-vu/yeu-cau-thi-hanh-an`;
  if (!/^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?/.test(ctx.baseUrl)) throw new Error("bench/filing runs against loopback only");
  const pdf = new Uint8Array(1024 * 1024);
  pdf.set(new TextEncoder().encode("%PDF-1.4\n"));

  // A browser sends Origin on every POST; the portal refuses state-changing requests without it.
  const origin = new URL(ctx.baseUrl).origin;
  const post = (url: string, cookie: string, body: BodyInit) => fetch(url, { method: "POST", body, redirect: "manual", headers: { cookie, origin } });

  // Prepare drafts up to the attachments step.
  const cookies: string[] = [];
  await pool(Array.from({ length: REQUESTS }, (_, i) => i), CONCURRENCY, async () => {
    // An empty form, as the start page's button posts it (a body with no form content type is refused: 415).
    const start = await fetch(base, { method: "POST", body: new URLSearchParams(), redirect: "manual", headers: { origin } });
    await start.arrayBuffer();
    const cookie = (start.headers.get("set-cookie") ?? "").split(";")[0]!;
    if (!cookie) throw new Error(`bench/filing: starting a draft answered ${start.status} without a draft cookie`);
    for (const [slug, values] of STEPS) {
      const r = await post(`${base}/${slug}`, cookie, new URLSearchParams(values));
      await r.arrayBuffer();
      if (r.status !== 302) throw new Error(`bench/filing: step ${slug} answered ${r.status}`);
    }
    cookies.push(cookie);
  });

  const measure = async (name: string, fn: (cookie: string) => Promise<boolean>, note: string): Promise<Result> => {
    const times: number[] = [];
    let errors = 0;
    const t0 = performance.now();
    await pool([...cookies], CONCURRENCY, async (cookie) => {
      const s = performance.now();
      const ok = await fn(cookie).catch(() => false);
      times.push(performance.now() - s);
      if (!ok) errors++;
    });
    const seconds = (performance.now() - t0) / 1000;
    times.sort((a, b) => a - b);
    return { name, requests: times.length, rps: Math.round((times.length / seconds) * 10) / 10, p50: Math.round(percentile(times, 50)), p99: Math.round(percentile(times, 99)), errors, note };
  };

  const upload = await measure(
    "filing: upload one 1 MB PDF",
    async (cookie) => {
      const fd = new FormData();
      fd.append("documentType", "judgment");
      fd.append("file", new Blob([pdf], { type: "application/pdf" }), "ban-an.pdf");
      const r = await post(`${base}/tai-lieu`, cookie, fd);
      await r.arrayBuffer();
      if (r.status !== 400 && r.status !== 200) return false;
      const next = await post(`${base}/tai-lieu`, cookie, new URLSearchParams({ intent: "continue" }));
      await next.arrayBuffer();
      const decl = await post(`${base}/cam-doan`, cookie, new URLSearchParams({ declaration: "on" }));
      await decl.arrayBuffer();
      return next.status === 302 && decl.status === 302;
    },
    `${CONCURRENCY} concurrent; includes the attachments "continue" and the declaration posts`,
  );
  const submit = await measure(
    "filing: submit with one 1 MB attachment",
    async (cookie) => {
      const r = await post(`${base}/kiem-tra`, cookie, new URLSearchParams());
      await r.arrayBuffer();
      return r.status === 302 && (r.headers.get("location") ?? "").endsWith("/da-gui");
    },
    `${CONCURRENCY} concurrent; one transaction: request, attachment, audit, e-mail job`,
  );
  return [upload, submit];
}
