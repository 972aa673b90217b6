import { behaviourOutcomes } from '../../scripts/detect/behaviour';
import { detect } from '../../lib/detect/index';
for (const o of behaviourOutcomes()) { console.log(o.type, o.name, `${o.failures.length}/${o.cases}`); for (const f of o.failures) { const v = detect(f); console.log('   ', v.score.toFixed(3), v.severity, JSON.stringify(f)); } }
