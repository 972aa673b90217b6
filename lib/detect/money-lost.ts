/**
 * The customer says they lost money: charged wrongly or twice, a billing error, money taken or
 * stuck, a refund that never came. One definition for the triage's "lost money" reason and the
 * severity's compound floor, so the two never disagree about the same words.
 * Pure: tested against normalised text.
 */
export const MONEY_LOST =
  /\b((double|over|wrongly|twice) ?charged|charged (me )?(twice|two times|again|double|\d+ times)|bill(ed)? (me )?twice|billing (error|mistake)|overcharg\w*|unauthori[sz]ed (charge|transaction|payment|debit)|(money|amount|funds|payment) (was |has been |got )?(deducted|debited|taken|gone|lost|missing|stuck)|(deducted|debited) (from|twice)|(lost|losing|lose) (\w+ ){0,2}money|(stole|took|stealing|taking) (my|our) money|(no|never got (my|a)|still waiting for (my|a)|where is my) refund|refund (not|never) (received|arrived|came|processed))\b/;
