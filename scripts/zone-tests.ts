/**
 * Prints the unit test files that can see the machine's time zone, one per line, for
 * scripts/test-all.sh to run again in other zones (the rule: scripts/zone/select.ts).
 * Usage: npx tsx scripts/zone-tests.ts [--explain]   (--explain adds the import chain and reason)
 */
import { execFileSync } from 'node:child_process';
import { type ImportGraph, zoneAwareTests } from './zone/select';

function cruiseTests(): ImportGraph {
  const json = execFileSync('npx', ['depcruise', '--config', '.dependency-cruiser.cjs', '--output-type', 'json', 'test/unit'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(json) as ImportGraph;
}

const selected = zoneAwareTests(cruiseTests());
const explain = process.argv.includes('--explain');
for (const t of selected) console.log(explain ? `${t.test}  <- ${t.chain.join(' <- ')}` : t.test);
