#!/usr/bin/env node
// Fetches the official Web Chat bundle from the npm registry into vendor/ (git-ignored).
// The bundle is Microsoft's code, not ours: we pin its version and integrity instead of committing it.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const VERSION = '4.18.1';
const INTEGRITY = 'sha512-7jpEUJ7olT62Xm+8eh7BhhIcXVfU2xD4pZDaeBt8K4XcNy6K/83UGIxE9BFkXmHMZ4hDEVOzs5cre07GWuaXzg==';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vendor = path.join(root, 'vendor', 'webchat');
const target = path.join(vendor, 'webchat.js');
const stamp = path.join(vendor, 'VERSION');

if (existsSync(target) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === VERSION) process.exit(0);

const work = mkdtempSync(path.join(tmpdir(), 'ha30-webchat-'));
try {
  process.stderr.write(`Téléchargement de botframework-webchat@${VERSION} depuis le registre npm…\n`);
  execFileSync('npm', ['pack', `botframework-webchat@${VERSION}`, '--pack-destination', work, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = path.join(work, `botframework-webchat-${VERSION}.tgz`);
  const digest = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
  if (digest !== INTEGRITY) throw new Error(`intégrité inattendue pour botframework-webchat@${VERSION} : ${digest}`);
  execFileSync('tar', ['-xzf', tarball, '-C', work, 'package/dist/webchat.js']);
  mkdirSync(vendor, { recursive: true });
  renameSync(path.join(work, 'package', 'dist', 'webchat.js'), target);
  writeFileSync(stamp, `${VERSION}\n`);
  process.stderr.write(`Web Chat ${VERSION} installé dans ${path.relative(root, target)}\n`);
} catch (error) {
  process.stderr.write(`Impossible d'installer le widget Web Chat : ${error.message}\n`);
  process.exit(1);
} finally {
  rmSync(work, { recursive: true, force: true });
}
