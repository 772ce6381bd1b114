import { sep } from 'node:path';

/** A path with forward slashes, as URIs and CI annotations expect (a no-op on POSIX, where `\` is a legal file name character). */
export function posixPath(file: string): string {
  return sep === '/' ? file : file.split(sep).join('/');
}
