import busboy from 'busboy';
import type { Request } from 'express';

export interface Upload {
  bytes: Buffer;
  /** The name the client gave (multipart filename or `?fileName=`), uncleaned. */
  fileName: string | null;
  /** Text fields of a multipart form (kind, title, …). */
  fields: Record<string, string>;
}

export type UploadResult =
  | { ok: true; upload: Upload }
  | { ok: false; status: 400 | 413; code: string; message: string };

/** Room for the multipart boundaries and form fields around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * Reads one uploaded file into memory, never more than `maxBytes` of it: a multipart form (the
 * first file part, plus its text fields) or the raw request body. Past the limit the rest is
 * discarded as it arrives and the result says 413, so a client still gets an answer.
 */
export function readUpload(req: Request, maxBytes: number): Promise<UploadResult> {
  const declared = Number(req.get('content-length') ?? Number.NaN);
  const multipart = Boolean(req.is('multipart/form-data'));
  if (declared > maxBytes + (multipart ? MULTIPART_OVERHEAD : 0)) return Promise.resolve(tooLarge(maxBytes));
  return multipart ? readMultipart(req, maxBytes) : readRaw(req, maxBytes);
}

function tooLarge(maxBytes: number): UploadResult {
  return {
    ok: false,
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: `the file is larger than ${Math.floor(maxBytes / 1024 / 1024)} MiB`,
  };
}

function readRaw(req: Request, maxBytes: number): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      // Stop keeping it; Node discards the rest of the body once the response is sent.
      req.off('data', onData);
      req.off('end', onEnd);
      chunks.length = 0;
      resolve(tooLarge(maxBytes));
    };
    const onEnd = () => {
      const fileName = typeof req.query.fileName === 'string' ? req.query.fileName : null;
      resolve({ ok: true, upload: { bytes: Buffer.concat(chunks), fileName, fields: {} } });
    };
    req.on('data', onData);
    req.on('end', onEnd);
    req.once('error', reject);
  });
}

function readMultipart(req: Request, maxBytes: number): Promise<UploadResult> {
  return new Promise((resolve) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { files: 1, fileSize: maxBytes, fields: 20, fieldSize: 4096, parts: 32 },
        defParamCharset: 'utf8',
      });
    } catch (err) {
      resolve({ ok: false, status: 400, code: 'BAD_REQUEST', message: String((err as Error).message) });
      return;
    }
    const fields: Record<string, string> = {};
    const chunks: Buffer[] = [];
    let fileName: string | null = null;
    let sawFile = false;
    let truncated = false;
    parser.on('field', (name: string, value: string) => {
      fields[name] = value;
    });
    parser.on('file', (_name, stream, info) => {
      sawFile = true;
      fileName = info.filename ?? null;
      stream.on('data', (chunk: Buffer) => {
        if (!truncated) chunks.push(chunk);
      });
      stream.on('limit', () => {
        truncated = true;
        chunks.length = 0;
      });
    });
    parser.on('error', (err: Error) => {
      req.unpipe(parser);
      req.resume();
      resolve({ ok: false, status: 400, code: 'BAD_REQUEST', message: `malformed form: ${err.message}` });
    });
    parser.on('close', () => {
      if (truncated) resolve(tooLarge(maxBytes));
      else if (!sawFile) resolve({ ok: false, status: 400, code: 'BAD_REQUEST', message: 'the form has no file' });
      else resolve({ ok: true, upload: { bytes: Buffer.concat(chunks), fileName, fields } });
    });
    req.pipe(parser);
  });
}
