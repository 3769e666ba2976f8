import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient, signIn } from '../support/apiClient';
import { cookieOf, ELF_BYTES, EXE_BYTES, HTML_BYTES, PDF_BYTES, pngBytes, sha256Of } from '../support/evidenceFiles';
import { createIntegrationToken, createStaff, reportInput, TEST_PASSWORD } from '../support/factories';
import { BACKENDS } from '../support/testDatabase';
import { startTestServer, type TestServer } from '../support/testServer';

const TEN_MIB = 10 * 1024 * 1024;
/** What the desk's own pages send with cookie-authenticated writes. */
const CSRF = { 'x-verdict-csrf': '1' };

describe.each(BACKENDS)('evidence files on %s', (backend) => {
  let server: TestServer;
  let staff: Map<string, number>;
  /** Headers of a signed-in reviewer's browser (session cookie and the CSRF header). */
  let asReviewer: Record<string, string>;
  let intakeToken: string;
  let caseId: number;

  beforeAll(async () => {
    server = await startTestServer(backend);
    staff = await createStaff(server.db, [
      { username: 'reviewer1', role: 'reviewer' },
      { username: 'appeals1', role: 'appeals_officer' },
    ]);
    intakeToken = await createIntegrationToken(server.db, 'detector', ['intake']);
    asReviewer = { cookie: cookieOf(await signIn(server.url, 'reviewer1', TEST_PASSWORD)), ...CSRF };
    caseId = await newCase();
  });
  afterAll(() => server.stop());

  async function newCase(): Promise<number> {
    const client = createApiClient(server.url, { authorization: `Bearer ${intakeToken}` });
    return (await client.trpc.reports.submit.mutate(reportInput())).caseId;
  }

  /** Raw-body upload: the bytes are the body, everything else in the query. */
  function upload(bytes: Buffer, query: Record<string, string>, headers: Record<string, string>, target = caseId) {
    return fetch(`${server.url}/api/cases/${target}/evidence?${new URLSearchParams(query)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', ...headers },
      body: new Uint8Array(bytes),
    });
  }
  const storedFiles = async () =>
    (await server.db.selectFrom('evidence_files').select('sha256').execute()).map((r) => r.sha256);

  it('takes a file from staff, stores it under its SHA-256 and audits the upload', async () => {
    const png = pngBytes(4, 3, [10, 20, 30]);
    const res = await upload(png, { kind: 'image', title: '商品主图截图', fileName: 'shot.png' }, asReviewer);
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({
      caseId,
      kind: 'image',
      sha256: sha256Of(png),
      contentType: 'image/png',
      size: png.length,
      deduplicated: false,
    });
    const row = await server.db
      .selectFrom('evidence')
      .selectAll()
      .where('id', '=', body.evidenceId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      case_id: caseId,
      title: '商品主图截图',
      file_name: 'shot.png',
      sha256: sha256Of(png),
      uploaded_by: staff.get('reviewer1'),
    });
    const event = await server.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'evidence.uploaded')
      .where('target_id', '=', String(caseId))
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor_type: 'user', actor_id: String(staff.get('reviewer1')), target_type: 'case' });
    expect(JSON.parse(event.data ?? '{}')).toMatchObject({ evidenceId: body.evidenceId, sha256: sha256Of(png) });
  });

  it('takes a multipart upload from an integration token with the intake scope', async () => {
    const form = new FormData();
    form.set('kind', 'document');
    form.set('title', '独家供货协议');
    form.set('file', new Blob([PDF_BYTES], { type: 'application/octet-stream' }), '独家供货协议.pdf');
    const res = await fetch(`${server.url}/api/cases/${caseId}/evidence`, {
      method: 'POST',
      headers: { authorization: `Bearer ${intakeToken}` },
      body: form,
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ kind: 'document', contentType: 'application/pdf', sha256: sha256Of(PDF_BYTES) });
    const row = await server.db
      .selectFrom('evidence')
      .select(['file_name', 'uploaded_by'])
      .where('id', '=', body.evidenceId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ file_name: '独家供货协议.pdf', uploaded_by: null });
    const event = await server.db
      .selectFrom('audit_events')
      .select('actor_type')
      .where('action', '=', 'evidence.uploaded')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(event.actor_type).toBe('token');
  });

  it('refuses U+0000 in a title as malformed text, and stores nothing (it was a 500 on PostgreSQL)', async () => {
    const before = await server.db.selectFrom('evidence').select('id').execute();
    const res = await upload(
      Buffer.from('普通文本'),
      { kind: 'text', title: '截图\u0000说明', fileName: 'a.txt' },
      asReviewer,
    );
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'BAD_REQUEST', reason: 'malformed_text', field: 'title' });
    expect(await server.db.selectFrom('evidence').select('id').execute()).toEqual(before);
  });

  it('stores the same bytes once, however often and wherever they are uploaded', async () => {
    const png = pngBytes(2, 2, [1, 2, 3]);
    const otherCase = await newCase();
    const first = await (await upload(png, { kind: 'image' }, asReviewer)).json();
    const second = await (await upload(png, { kind: 'image' }, asReviewer, otherCase)).json();
    expect(second.sha256).toBe(first.sha256);
    expect(second.evidenceId).not.toBe(first.evidenceId);
    expect([first.deduplicated, second.deduplicated]).toEqual([false, true]);
    expect((await storedFiles()).filter((s) => s === sha256Of(png))).toHaveLength(1);
  });

  it('detects the type from the content, not the name or the declared type', async () => {
    const form = new FormData();
    form.set('file', new Blob([pngBytes(3, 3, [9, 9, 9])], { type: 'text/plain' }), 'notes.txt');
    const res = await fetch(`${server.url}/api/cases/${caseId}/evidence`, {
      method: 'POST',
      headers: asReviewer,
      body: form,
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ contentType: 'image/png', kind: 'image' });
  });

  it.each([
    ['an ELF executable', ELF_BYTES, 'application/x-elf'],
    ['a Windows executable', EXE_BYTES, 'application/x-msdownload'],
    ['an HTML page', HTML_BYTES, 'text/html'],
  ])('refuses %s with 415, whatever it is called', async (_what, bytes, detected) => {
    const before = await storedFiles();
    const res = await upload(
      bytes,
      { fileName: 'photo.png', kind: 'image' },
      { ...asReviewer, 'content-type': 'image/png' },
    );
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({
      error: expect.objectContaining({ code: 'UNSUPPORTED_MEDIA_TYPE', reason: 'unsupported_type', detected }),
    });
    expect(await storedFiles()).toEqual(before);
  });

  it('refuses files over 10 MiB with 413, raw or multipart, and stores nothing', async () => {
    const before = await storedFiles();
    const big = Buffer.alloc(TEN_MIB + 1, 0x61);
    const raw = await upload(big, { kind: 'text' }, asReviewer);
    expect(raw.status).toBe(413);
    expect((await raw.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
    const form = new FormData();
    form.set('file', new Blob([big]), 'big.txt');
    const multipart = await fetch(`${server.url}/api/cases/${caseId}/evidence`, {
      method: 'POST',
      headers: asReviewer,
      body: form,
    });
    expect(multipart.status).toBe(413);
    // Chunked, with no length declared up front: cut off while it streams in.
    const chunks = Array.from({ length: 11 }, () => Buffer.alloc(1024 * 1024, 0x62));
    const streamed = await fetch(`${server.url}/api/cases/${caseId}/evidence?kind=text`, {
      method: 'POST',
      headers: asReviewer,
      body: new ReadableStream({
        pull(controller) {
          const next = chunks.shift();
          if (next) controller.enqueue(next);
          else controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await storedFiles()).toEqual(before);
  });

  it('serves the exact bytes with a download disposition, nosniff and a CSP that blocks scripts, and audits the view', async () => {
    const text = Buffer.from('聊天记录导出\n买家：东西是假的吧？\n', 'utf8');
    const { evidenceId, contentUrl } = await (
      await upload(text, { kind: 'text', fileName: 'chat.html' }, asReviewer)
    ).json();
    expect(contentUrl).toBe(`/api/evidence/${evidenceId}/content`);
    const res = await fetch(`${server.url}${contentUrl}`, { headers: asReviewer });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(text);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; .*filename\*=UTF-8''chat\.html\.txt$/);
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('private, no-store');

    const event = await server.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'evidence.viewed')
      .where('target_id', '=', String(evidenceId))
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({
      actor_type: 'user',
      actor_id: String(staff.get('reviewer1')),
      target_type: 'evidence',
    });
    expect(JSON.parse(event.data ?? '{}')).toMatchObject({ caseId, via: 'content' });
  });

  it('shows images in place and PDFs only as downloads', async () => {
    const png = pngBytes(5, 5, [0, 128, 0]);
    const image = await (await upload(png, { kind: 'image', fileName: 'a.png' }, asReviewer)).json();
    const shown = await fetch(`${server.url}${image.contentUrl}`, { headers: asReviewer });
    expect(shown.headers.get('content-type')).toBe('image/png');
    expect(shown.headers.get('content-disposition')).toMatch(/^inline; /);
    expect(Buffer.from(await shown.arrayBuffer())).toEqual(png);
    const saved = await fetch(`${server.url}${image.contentUrl}?download=1`, { headers: asReviewer });
    expect(saved.headers.get('content-disposition')).toMatch(/^attachment; /);

    const pdf = await (await upload(PDF_BYTES, { kind: 'document' }, asReviewer)).json();
    const res = await fetch(`${server.url}${pdf.contentUrl}`, { headers: asReviewer });
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="evidence-\d+\.pdf"/);
  });

  it('refuses anonymous callers, roles that may not add evidence, and tokens without the intake scope', async () => {
    const png = pngBytes(1, 1, [7, 7, 7]);
    expect((await upload(png, {}, {})).status).toBe(401);
    const appeals = cookieOf(await signIn(server.url, 'appeals1', TEST_PASSWORD));
    expect((await upload(png, {}, { cookie: appeals, ...CSRF })).status).toBe(403);
    const appealsToken = await createIntegrationToken(server.db, 'appeals-portal', ['appeals']);
    expect((await upload(png, {}, { authorization: `Bearer ${appealsToken}` })).status).toBe(403);
    expect((await upload(png, {}, { authorization: 'Bearer vdt_forged' })).status).toBe(401);
    expect((await storedFiles()).includes(sha256Of(png))).toBe(false);

    const { contentUrl } = await (await upload(png, {}, asReviewer)).json();
    expect((await fetch(`${server.url}${contentUrl}`)).status).toBe(401);
    // Integrations file evidence; reading it back is for staff.
    expect(
      (await fetch(`${server.url}${contentUrl}`, { headers: { authorization: `Bearer ${intakeToken}` } })).status,
    ).toBe(403);
  });

  it('answers unknown cases and evidence with 404, and bad kinds with 400', async () => {
    const png = pngBytes(1, 2, [1, 1, 1]);
    expect((await upload(png, {}, asReviewer, 999_999)).status).toBe(404);
    expect((await fetch(`${server.url}/api/evidence/999999/content`, { headers: asReviewer })).status).toBe(404);
    const badKind = await upload(png, { kind: 'video' }, asReviewer);
    expect(badKind.status).toBe(400);
    expect((await badKind.json()).error).toMatchObject({ reason: 'invalid_kind', field: 'kind' });
    const notImage = await upload(PDF_BYTES, { kind: 'image' }, asReviewer);
    expect((await notImage.json()).error.reason).toBe('kind_mismatch');
    expect((await upload(Buffer.alloc(0), {}, asReviewer)).status).toBe(400);
  });

  it('lists uploaded files on the case with their hash, type, size and address', async () => {
    const png = pngBytes(6, 1, [50, 60, 70]);
    await upload(png, { kind: 'image', title: '聊天截图', fileName: 'chat.png' }, asReviewer);
    const reviewer = await signIn(server.url, 'reviewer1', TEST_PASSWORD);
    const detail = await reviewer.trpc.cases.get.query({ id: caseId });
    const item = detail.evidence.find((e) => e.sha256 === sha256Of(png));
    expect(item).toMatchObject({
      kind: 'image',
      title: '聊天截图',
      contentType: 'image/png',
      size: png.length,
      fileName: 'chat.png',
      data: null,
    });
    expect(item?.contentUrl).toMatch(new RegExp(`^/api/evidence/${item?.id}/content\\?ticket=\\d+\\.[\\w-]+$`));
  });
});
