import { addBusinessDays, dateTimeVariables, humanDate } from './dates';
import { firstName, PLATFORM_NAMES, type AgentProfile, type CustomerContext } from './profile';
import { fullSignature } from './signature';

export interface VariableClock {
  now: Date;
  /** When the agent picked a follow-up date themselves; wins over `followUpBusinessDays`. */
  followUpDate?: Date;
  /** Business days ahead for FOLLOW_UP_DATE; 2 unless set. */
  followUpBusinessDays?: number;
}

export interface SnippetVariables {
  vars: Record<string, string>;
  /** Empty profile fields, so the UI can say "add your phone in Options". */
  missingProfileFields: Array<keyof AgentProfile>;
}

export const DEFAULT_FOLLOW_UP_BUSINESS_DAYS = 2;

const PROFILE_FIELDS = ['fullName', 'title', 'company', 'phone', 'email', 'handle'] as const satisfies ReadonlyArray<keyof AgentProfile>;

/** Every variable a template may use, built from who is answering whom, and when. */
export function buildVariables(profile: AgentProfile, customer: CustomerContext, clock: VariableClock): SnippetVariables {
  const p = trimAll(profile);
  const followUp =
    clock.followUpDate ?? addBusinessDays(clock.now, clock.followUpBusinessDays ?? DEFAULT_FOLLOW_UP_BUSINESS_DAYS);
  const vars: Record<string, string> = {
    AGENT_NAME: p.fullName,
    AGENT_FIRST_NAME: firstName(p.fullName),
    AGENT_TITLE: p.title,
    COMPANY: p.company,
    PHONE: p.phone,
    EMAIL: p.email,
    AGENT_HANDLE: p.handle,
    CUSTOMER_NAME: customer.name.trim(),
    CUSTOMER_FIRST_NAME: firstName(customer.name),
    CUSTOMER_HANDLE: customer.handle.trim(),
    PLATFORM: PLATFORM_NAMES[customer.platform],
    POST_URL: customer.postUrl.trim(),
    ...dateTimeVariables(clock.now),
    FOLLOW_UP_DATE: humanDate(followUp),
    // Always the full block; fitForPlatform swaps it for a shorter one where the site needs it.
    SIGNATURE: fullSignature(p),
  };
  return { vars, missingProfileFields: PROFILE_FIELDS.filter((field) => p[field] === '') };
}

function trimAll(profile: AgentProfile): AgentProfile {
  return {
    fullName: profile.fullName.trim(),
    title: profile.title.trim(),
    company: profile.company.trim(),
    phone: profile.phone.trim(),
    email: profile.email.trim(),
    handle: profile.handle.trim(),
  };
}
