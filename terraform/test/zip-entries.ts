import { readFileSync } from 'node:fs';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const END_RECORD_SIZE = 22;

/**
 * The entry names of a zip file, read from its central directory (no ZIP64, no archive comment
 * beyond 64 KB), so the check needs no `unzip` binary.
 */
export function listZipEntries(path: string): string[] {
  const zip = readFileSync(path);
  const searchFrom = Math.max(0, zip.length - END_RECORD_SIZE - 0xffff);
  let end = -1;
  for (let at = zip.length - END_RECORD_SIZE; at >= searchFrom; at--) {
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw new Error(`${path} is not a zip file (no end of central directory).`);
  const count = zip.readUInt16LE(end + 10);
  const names: string[] = [];
  let at = zip.readUInt32LE(end + 16);
  for (let index = 0; index < count; index++) {
    if (zip.readUInt32LE(at) !== CENTRAL_DIRECTORY_ENTRY) {
      throw new Error(`${path}: central directory entry ${index} is malformed.`);
    }
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
