import busboy from 'busboy';
import type { Request } from 'express';
import type { DeskErrorReason } from '../../shared/errors/reasons';

export interface Upload {
  bytes: Buffer;
  /** The name the client gave (multipart filename or `?fileName=`), uncleaned. */
  fileName: string | null;
  /** Text fields of a multipart form (kind, title, …). */
  fields: Record<string, string>;
}

export type UploadResult =
  | { ok: true; upload: Upload }
  | { ok: false; status: 400 | 408 | 413; code: string; reason: DeskErrorReason; message: string }
  /** The client went away mid-body: nobody to answer, nothing went wrong here. */
  | { ok: false; status: 'aborted' };

export interface UploadLimits {
  /** Longest pause between two pieces of the body. */
  idleMs: number;
  /** Longest the whole body may take (a slow-drip client holds memory and a slot). */
  totalMs: number;
  /** Uploads one caller (staff member or integration) may have running at once. */
  perCaller: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { idleMs: 15_000, totalMs: 120_000, perCaller: 3 };

/** Room for the multipart boundaries and form fields around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * Reads one uploaded file into memory, never more than `maxBytes` of it: a multipart form (the
 * first file part, plus its text fields) or the raw request body. Past the limit the rest is
 * discarded as it arrives and the result says 413, so a client still gets an answer.
 */
export function readUpload(
  req: Request,
  maxBytes: number,
  limits: UploadLimits = DEFAULT_UPLOAD_LIMITS,
): Promise<UploadResult> {
  const declared = Number(req.get('content-length') ?? Number.NaN);
  const multipart = Boolean(req.is('multipart/form-data'));
  if (declared > maxBytes + (multipart ? MULTIPART_OVERHEAD : 0)) return Promise.resolve(tooLarge(maxBytes));
  const reading = multipart ? readMultipart(req, maxBytes) : readRaw(req, maxBytes);
  return Promise.race([reading, stalledOrAborted(req, limits)]);
}

/**
 * Settles when the body stalls longer than `idleMs`, takes longer than `totalMs` in all, or
 * the client goes away; never when the body arrives in time (the reader wins the race then).
 */
function stalledOrAborted(req: Request, limits: UploadLimits): Promise<UploadResult> {
  return new Promise((resolve) => {
    let idle: NodeJS.Timeout | undefined;
    const stop = () => {
      clearTimeout(idle);
      clearTimeout(total);
      req.off('data', arm);
      req.off('aborted', aborted);
      req.off('close', closed);
    };
    const settle = (result: UploadResult) => {
      stop();
      resolve(result);
    };
    const timedOut = (why: string) =>
      settle({
        ok: false,
        status: 408,
        code: 'REQUEST_TIMEOUT',
        reason: 'upload_timed_out',
        message: `the upload ${why}; send it again`,
      });
    function arm() {
      clearTimeout(idle);
      idle = setTimeout(() => timedOut(`stalled for ${limits.idleMs / 1000} s`), limits.idleMs);
    }
    const aborted = () => settle({ ok: false, status: 'aborted' });
    const closed = () => {
      if (!req.complete) aborted();
    };
    const total = setTimeout(() => timedOut(`took longer than ${limits.totalMs / 1000} s`), limits.totalMs);
    arm();
    req.on('data', arm);
    req.once('aborted', aborted);
    req.once('close', closed);
    // The whole body arrived: the reader's answer stands, this watch just ends.
    req.once('end', stop);
  });
}

function tooLarge(maxBytes: number): UploadResult {
  return {
    ok: false,
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    reason: 'file_too_large',
    message: `the file is larger than ${Math.floor(maxBytes / 1024 / 1024)} MiB`,
  };
}

function readRaw(req: Request, maxBytes: number): Promise<UploadResult> {
  return new Promise((resolve) => {
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
    // An aborted body is reported by the watch in readUpload; the reader just stops.
    req.once('error', () => resolve({ ok: false, status: 'aborted' }));
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
      resolve({ ok: false, ...malformed(String((err as Error).message)) });
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
      resolve({ ok: false, ...malformed(`malformed form: ${err.message}`) });
    });
    parser.on('close', () => {
      if (truncated) resolve(tooLarge(maxBytes));
      else if (!sawFile) resolve({ ok: false, ...malformed('the form has no file') });
      else resolve({ ok: true, upload: { bytes: Buffer.concat(chunks), fileName, fields } });
    });
    req.pipe(parser);
  });
}

/** A form busboy cannot read, or one without a file part. */
function malformed(message: string) {
  return { status: 400, code: 'BAD_REQUEST', reason: 'malformed_upload', message } as const;
}
