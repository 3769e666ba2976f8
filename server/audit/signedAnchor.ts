import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import canonicalize from 'canonicalize';
import type { Anchor } from './anchors';
import { isRowLocator, type RowLocator } from './rowLocator';

/**
 * An anchor meant to leave the host: the head (seq, hash), the event count, when, and the row
 * locator, signed with an Ed25519 key kept outside the database. Whoever keeps a copy can later
 * prove the trail was cut (its seq is past the head) or rewritten (its hash differs at its seq),
 * and nobody who only holds the database can forge one.
 */
export interface SignedAnchor {
  v: 1;
  seq: number;
  hash: string;
  count: number;
  at: string;
  locator?: RowLocator;
  /** First 16 hex digits of the SHA-256 of the public key (SPKI DER): which key signed it. */
  keyId: string;
  /** Ed25519 over the canonical JSON (RFC 8785) of every other field, base64. */
  signature: string;
}

export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

const signedBytes = (anchor: Omit<SignedAnchor, 'signature'>) => Buffer.from(canonicalize(anchor) ?? '', 'utf8');

/** `desk audit keygen <file>`: a new Ed25519 key pair, private key at `file` (0600), public at `file.pub`. */
export async function writeSigningKey(file: string): Promise<{ publicFile: string; keyId: string }> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const publicFile = `${file}.pub`;
  // `wx`: never overwrite a key (anchors signed with it would no longer verify).
  await writeFile(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { flag: 'wx', mode: 0o600 });
  await writeFile(publicFile, publicKey.export({ type: 'spki', format: 'pem' }), { flag: 'wx', mode: 0o644 });
  return { publicFile, keyId: keyIdOf(publicKey) };
}

async function readPem(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `${what} ${file} does not exist` : `cannot read ${what} ${file}: ${code}`);
  }
}

export async function readSigningKey(file: string): Promise<KeyObject> {
  try {
    const key = createPrivateKey(await readPem(file, 'signing key'));
    if (key.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 key');
    return key;
  } catch (err) {
    throw new Error(`signing key ${file}: ${(err as Error).message}`);
  }
}

/** A public key PEM, or the public half of a private key PEM (so the signing key file also verifies). */
export async function readVerifyKey(file: string): Promise<KeyObject> {
  const pem = await readPem(file, 'key');
  try {
    const key = pem.includes('PRIVATE KEY') ? createPublicKey(createPrivateKey(pem)) : createPublicKey(pem);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 key');
    return key;
  } catch (err) {
    throw new Error(`key ${file}: ${(err as Error).message}`);
  }
}

export function signAnchor(anchor: Anchor, privateKey: KeyObject): SignedAnchor {
  const body: Omit<SignedAnchor, 'signature'> = {
    v: 1,
    seq: anchor.seq,
    hash: anchor.hash,
    // The chain has no gaps, so the head's seq is the number of events.
    count: anchor.seq,
    at: anchor.at,
    ...(anchor.locator && { locator: anchor.locator }),
    keyId: keyIdOf(createPublicKey(privateKey)),
  };
  return { ...body, signature: sign(null, signedBytes(body), privateKey).toString('base64') };
}

/** Parses and checks a signed anchor; throws one line saying what is wrong with it. */
export function openSignedAnchor(text: string, publicKey: KeyObject): Anchor {
  let value: Partial<SignedAnchor>;
  try {
    value = JSON.parse(text) as Partial<SignedAnchor>;
  } catch {
    throw new Error('signed anchor: not JSON');
  }
  const { signature, ...body } = value;
  if (
    value.v !== 1 ||
    !Number.isSafeInteger(value.seq) ||
    (value.seq as number) < 1 ||
    typeof value.hash !== 'string' ||
    !/^[0-9a-f]{64}$/.test(value.hash) ||
    value.count !== value.seq ||
    typeof value.at !== 'string' ||
    typeof value.keyId !== 'string' ||
    typeof signature !== 'string' ||
    (value.locator !== undefined && !isRowLocator(value.locator))
  )
    throw new Error('signed anchor: not a signed audit anchor (v, seq, hash, count, at, keyId, signature)');
  if (value.keyId !== keyIdOf(publicKey))
    throw new Error(`signed anchor: signed by key ${value.keyId}, not by the key given (${keyIdOf(publicKey)})`);
  if (!verify(null, signedBytes(body as Omit<SignedAnchor, 'signature'>), publicKey, Buffer.from(signature, 'base64')))
    throw new Error('signed anchor: the signature does not verify (altered or forged)');
  return { at: value.at, seq: value.seq as number, hash: value.hash, ...(value.locator && { locator: value.locator }) };
}
