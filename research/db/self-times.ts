/** A CDP CPU profile as Profiler.stop returns it (the fields the probes read). */
export interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples: number[];
  timeDeltas: number[];
}

/** Prints the busiest functions by self time: how long the page's thread worked vs waited. */
export function printSelfTimes(profile: CpuProfile, top = 25): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, n) => {
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[n] ?? 0) / 1000);
  });
  for (const [k, v] of [...self].sort((x, y) => y[1] - x[1]).slice(0, top)) console.log(v.toFixed(0).padStart(7), 'ms', k);
}
