import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { belowFloor, compareVersions, DEPENDENCY_FLOORS } from './dependency-floors';

const modules = path.join(process.cwd(), 'node_modules');

function installedVersion(name: string): string | undefined {
  const file = path.join(modules, name, 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : undefined;
}

/** Next.js compiles React (and its server-components packages, from the same build) into itself. */
function nextBundledReactVersion(): string | undefined {
  const file = path.join(modules, 'next', 'dist', 'compiled', 'react', 'cjs', 'react.production.js');
  if (!existsSync(file)) return undefined;
  return /\.version\s*=\s*"([^"]+)"|"(\d+\.\d+\.\d+-[\w.-]+)"/.exec(readFileSync(file, 'utf8'))?.slice(1).find(Boolean);
}

describe('installed dependencies', () => {
  it('are all at or above their patched floors', () => {
    const installed = Object.fromEntries(Object.keys(DEPENDENCY_FLOORS).map((name) => [name, installedVersion(name)]));
    expect(installed.next, 'next must be installed').toBeDefined();
    expect(belowFloor(installed)).toEqual([]);
  });

  it("include a patched copy of React's server-components code inside Next.js", () => {
    const bundled = nextBundledReactVersion();
    expect(bundled, 'version of the React build compiled into next').toBeDefined();
    expect(belowFloor({ 'react-server-dom-webpack': bundled })).toEqual([]);
  });
});

describe('belowFloor', () => {
  it('names what is below its floor and ignores what is not installed', () => {
    expect(belowFloor({ next: '16.2.10', 'next-auth': '5.0.0-beta.31', 'drizzle-orm': '0.45.2', react: undefined })).toEqual([
      'next 16.2.10 < 16.2.11',
      'next-auth 5.0.0-beta.31 < 5.0.0-beta.32',
    ]);
  });

  it('flags a vulnerable React server-components release and passes a later line', () => {
    expect(belowFloor({ 'react-server-dom-webpack': '19.2.0' })).toEqual(['react-server-dom-webpack 19.2.0 < 19.2.8']);
    expect(belowFloor({ 'react-server-dom-webpack': '19.3.0-canary-278794d7-20261002' })).toEqual([]);
  });
});

describe('compareVersions', () => {
  it('orders releases, pre-releases and numeric pre-release parts as semver does', () => {
    const sorted = ['5.0.0', '5.0.0-beta.32', '5.0.0-beta.4', '4.24.11', '5.0.0-alpha', '16.10.0', '16.9.9'].sort(compareVersions);
    expect(sorted).toEqual(['4.24.11', '5.0.0-alpha', '5.0.0-beta.4', '5.0.0-beta.32', '5.0.0', '16.9.9', '16.10.0']);
  });

  it('refuses something that is not a version', () => {
    expect(() => compareVersions('latest', '1.0.0')).toThrow(/not a semantic version/);
  });
});
