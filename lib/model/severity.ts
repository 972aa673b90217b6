import { z } from 'zod';
import { SEVERITIES, SEVERITY_LABELS, type Severity } from './severities';

export { SEVERITIES, SEVERITY_LABELS, type Severity };
export const SeveritySchema = z.literal(SEVERITIES, { error: 'expected 0..4' });
