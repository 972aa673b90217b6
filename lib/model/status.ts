import { z } from 'zod';
import { STATUSES, type Status } from './statuses';

export { STATUSES, type Status };
export const StatusSchema = z.enum(STATUSES);
