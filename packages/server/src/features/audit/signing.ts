import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  sign,
  verify,
} from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The Ed25519 key that signs checkpoints, with the id checkpoints name it by. */
export interface CheckpointSigner {
  keyId: string;
  /** The raw 32-byte public key. */
  publicKey: Buffer;
  sign(message: string): Buffer;
}

// DER prefixes that wrap a raw Ed25519 seed (PKCS#8) or public key (SubjectPublicKeyInfo).
const PKCS8_SEED_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** The first 8 bytes of SHA-256 over the raw public key, in hex. */
function keyIdOf(publicKey: Buffer): string {
  return createHash('sha256').update(publicKey).digest('hex').slice(0, 16);
}

function publicKeyFromRaw(raw: Buffer): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

export function publicKeyPem(raw: Buffer): string {
  return publicKeyFromRaw(raw).export({ format: 'pem', type: 'spki' }).toString();
}

/** Whether `signature` is the Ed25519 signature of `message` by the raw public key. */
export function verifySignature(raw: Buffer, message: string, signature: Buffer): boolean {
  if (raw.length !== 32 || signature.length !== 64) return false;
  return verify(null, Buffer.from(message, 'utf8'), publicKeyFromRaw(raw), signature);
}

/**
 * `AUDIT_SIGNING_KEY` as configured: a PKCS#8 PEM (`openssl genpkey -algorithm ed25519`), or the
 * 32-byte Ed25519 seed in base64. Throws with a readable reason for anything else.
 */
export function parseSigningKey(configured: string): KeyObject {
  const text = configured.trim();
  let key: KeyObject;
  if (text.startsWith('-----BEGIN')) {
    key = createPrivateKey({ key: text, format: 'pem' });
  } else {
    const seed = Buffer.from(text, 'base64');
    if (seed.length !== 32 || seed.toString('base64') !== text) {
      throw new Error('AUDIT_SIGNING_KEY must be a PKCS#8 PEM or the base64 of a 32-byte Ed25519 seed');
    }
    key = createPrivateKey({ key: Buffer.concat([PKCS8_SEED_PREFIX, seed]), format: 'der', type: 'pkcs8' });
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('AUDIT_SIGNING_KEY must be an Ed25519 key');
  return key;
}

export function signerFromKey(privateKey: KeyObject): CheckpointSigner {
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  const publicKey = Buffer.from(spki.subarray(SPKI_PREFIX.length));
  return {
    keyId: keyIdOf(publicKey),
    publicKey,
    sign: (message) => sign(null, Buffer.from(message, 'utf8'), privateKey),
  };
}

/**
 * The configured key, or else the key kept in `keyFile`, generated there on first use (mode 0600).
 * The new file appears whole or not at all (written aside, then hard-linked into place), so
 * instances starting together all end up with the key of whichever linked first.
 */
export async function loadCheckpointSigner(options: {
  configuredKey: string | undefined;
  keyFile: string;
}): Promise<{ signer: CheckpointSigner; source: 'configured' | 'file' | 'generated' }> {
  if (options.configuredKey) {
    return { signer: signerFromKey(parseSigningKey(options.configuredKey)), source: 'configured' };
  }
  const stored = await readKeyFile(options.keyFile);
  if (stored) return { signer: signerFromKey(parseSigningKey(stored)), source: 'file' };
  await mkdir(path.dirname(options.keyFile), { recursive: true });
  const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const aside = `${options.keyFile}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(aside, pem, { mode: 0o600 });
  try {
    await link(aside, options.keyFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const winner = await readKeyFile(options.keyFile);
    if (!winner) throw new Error(`${options.keyFile} exists but is empty`);
    return { signer: signerFromKey(parseSigningKey(winner)), source: 'file' };
  } finally {
    await unlink(aside);
  }
  return { signer: signerFromKey(parseSigningKey(pem)), source: 'generated' };
}

async function readKeyFile(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
