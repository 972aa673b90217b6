import { createFeatureSet, extract } from '../lib/detect/features';
import { model, logit } from '../lib/detect/model';
import { normalise } from '../lib/detect/normalise';
import { escalationCues, ESCALATION_SIZE } from '../lib/detect/escalation';
const m = model(); const f = createFeatureSet();
for (const t of process.argv.slice(2)) {
  const n = normalise(t); extract(n, f);
  const e = escalationCues(n, f.lexiconBits, new Float64Array(ESCALATION_SIZE));
  console.log(t, Array.from(e).join(''), 'social', m.severity.map((c) => logit(c, f).toFixed(2)).join(' '), 'bank', m.severityBank!.map((c) => logit(c, f).toFixed(2)).join(' '), 'gate', logit(m.severityGate!, f).toFixed(2));
}
