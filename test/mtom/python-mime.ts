/**
 * An independent MIME oracle: Python's standard `email` package parses a multipart body and
 * reports each part's headers and the SHA-256 of its decoded payload.
 */
import { spawnSync } from 'node:child_process';

/** What Python saw in one part. */
export interface PythonPart {
  /** Content-Type header as written. */
  readonly contentType: string;
  /** Content-ID header as written. */
  readonly contentId: string | null;
  /** Content-Transfer-Encoding header. */
  readonly transferEncoding: string | null;
  /** SHA-256 (hex) of the decoded payload. */
  readonly sha256: string;
  /** Payload length. */
  readonly length: number;
}

const SCRIPT = `
import sys, json, hashlib, email, email.policy
msg = email.message_from_bytes(sys.stdin.buffer.read(), policy=email.policy.compat32)
out = {"multipart": msg.is_multipart(), "params": dict(msg.get_params() or []), "defects": [str(d) for d in msg.defects], "parts": []}
for part in (msg.get_payload() if msg.is_multipart() else []):
    data = part.get_payload(decode=True) or b""
    out["defects"] += [str(d) for d in part.defects]
    out["parts"].append({"contentType": part.get("Content-Type"), "contentId": part.get("Content-ID"),
        "transferEncoding": part.get("Content-Transfer-Encoding"), "sha256": hashlib.sha256(data).hexdigest(), "length": len(data)})
print(json.dumps(out))
`;

/** Why the Python oracle tests must skip, or false. */
export function pythonSkipReason(): string | false {
  const r = spawnSync('python3', ['-c', 'import email'], { encoding: 'utf8' });
  return r.error || r.status !== 0 ? 'python3 not found: the MIME oracle needs it' : false;
}

/**
 * Parses `Content-Type: <contentType>` + body with Python.
 * @param contentType - the HTTP Content-Type
 * @param body - the multipart body
 */
export function parseWithPython(
  contentType: string,
  body: Uint8Array,
): { multipart: boolean; params: Record<string, string>; defects: string[]; parts: PythonPart[] } {
  const input = Buffer.concat([Buffer.from(`Content-Type: ${contentType}\r\nMIME-Version: 1.0\r\n\r\n`), body]);
  const r = spawnSync('python3', ['-c', SCRIPT], { input, maxBuffer: 16 * 1024 * 1024 });
  if (r.status !== 0) throw new Error('python MIME oracle failed: ' + r.stderr.toString());
  return JSON.parse(r.stdout.toString()) as ReturnType<typeof parseWithPython>;
}
