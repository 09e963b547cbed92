/**
 * The `ContexteLPS/LPS/Instance` UUID: "identifiant d'installation du logiciel, pérenne pour une
 * installation". Created once, then read back from a file the application chooses.
 */
import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { SecurityError } from '../errors.js';
import { isUuid } from '../ids.js';

async function readExisting(file: string): Promise<string> {
  const text = (await readFile(file, 'utf8')).trim();
  if (!isUuid(text)) throw new SecurityError('instance-id', `instance id file ${file} does not hold a UUID (fix or delete it)`);
  return text.toLowerCase();
}

/**
 * Returns the installation UUID stored in `file`, creating the file (and its folder) with a fresh
 * UUID the first time. The file appears atomically with its content (written aside, then
 * hard-linked into place, which fails if it exists), so two processes starting together agree on
 * one value. A file with anything else than a UUID is an error, never silently replaced.
 */
export async function readOrCreateInstanceId(file: string): Promise<string> {
  try {
    return await readExisting(file);
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ENOENT') {
      if (error instanceof SecurityError) throw error;
      throw new SecurityError('instance-id', `instance id file ${file} is not readable`, { cause: error });
    }
  }
  const id = randomUUID();
  const temp = `${file}.${process.pid}.${randomUUID()}.tmp`;
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(temp, `${id}\n`, { mode: 0o644 });
    try {
      await link(temp, file);
    } catch (error) {
      // File systems without hard links: exclusive create (a reader may briefly see it empty).
      if (!['EPERM', 'ENOTSUP', 'ENOSYS'].includes(String((error as { code?: unknown }).code))) throw error;
      await writeFile(file, `${id}\n`, { flag: 'wx', mode: 0o644 });
    }
    return id;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'EEXIST') return readExisting(file);
    throw new SecurityError('instance-id', `instance id file ${file} could not be created`, { cause: error });
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}
