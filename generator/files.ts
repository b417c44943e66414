/**
 * File-system helpers the CLI-side modules share: path containment, and
 * one-line messages for failures of the environment (permissions, a full
 * disk, a path that is a file), which are usage errors (exit 2), not bugs.
 */
import { isAbsolute, relative, sep } from 'node:path';
import { UsageError } from './config.js';

/** Whether `child` is `parent` or lies under it (both absolute). */
export const isInside = (child: string, parent: string): boolean => {
  const rel = relative(parent, child);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
};

/** What the environment's error codes mean, in words. */
const environmentCodes: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EISDIR: 'it is a directory',
  EEXIST: 'it already exists',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  EIO: 'input/output error',
  EBUSY: 'the resource is busy',
  ENOENT: 'no such file or directory',
};

export interface FsError extends Error {
  readonly code: string;
  readonly path?: string;
  readonly syscall?: string;
}

/** A Node file-system error caused by the environment rather than by a bug. */
export function isEnvironmentError(error: unknown): error is FsError {
  return error instanceof Error && typeof (error as FsError).code === 'string' && (error as FsError).code in environmentCodes;
}

/** `permission denied (EACCES)` */
export function describeFsError(error: unknown): string {
  if (!isEnvironmentError(error)) return error instanceof Error ? error.message : String(error);
  return `${environmentCodes[error.code]} (${error.code})`;
}

/** A failure of the environment, as a usage error: what could not be done, to which path, why, and what to do. */
export class EnvironmentError extends UsageError {}

export function environmentError(error: FsError, what: string, advice: string): EnvironmentError {
  return new EnvironmentError(`${what}: ${describeFsError(error)}. ${advice}`);
}
