// Keeps a deal on the platform until it is booked: email addresses, phone numbers and
// URLs or domains in a message are replaced with a notice for the other party until the
// two organizations have a confirmed booking. Pure; the queries decide who sees what.

export const CONTACT_MASK = "[contact details are shared once a booking is confirmed]";

// Top-level domains people actually type in business mail; a closed list keeps "e.g.",
// "1.12 PUE" and "N+1" from reading as domains.
const TLDS =
  "com|net|org|io|ai|co|dev|app|info|biz|us|ca|uk|de|fr|nl|se|no|fi|is|ch|at|be|es|it|pt|pl|ie|au|nz|jp|cn|in|sg|hk|br|mx|ar|cl|za|ru|me|xyz|tech|cloud|energy|email|site|online|ly|gg|to|tv|eu|asia|global|network|systems|solutions|link|page|so|sh";

const DOT = String.raw`(?:\s*(?:\[dot\]|\(dot\)|\{dot\}|<dot>)\s*|\s+dot\s+|\.)`;
const AT = String.raw`(?:\s*(?:\[at\]|\(at\)|\{at\}|<at>)\s*|\s+at\s+|@)`;
const LABEL = String.raw`[a-z0-9](?:[a-z0-9-]*[a-z0-9])?`;

// user@example.com, "name [at] domain dot com", "name (at) domain (dot) co (dot) uk".
// A literal @ is an address whatever its top-level domain (ops@lattice.example, new gTLDs);
// the spelled-out forms must end in a known TLD, and " at " needs a spelled-out or
// bracketed dot, so that "meet at noon. Then" is left alone.
const EMAIL = new RegExp(
  String.raw`[a-z0-9][a-z0-9._%+-]*` +
    String.raw`(?:@\s*${LABEL}(?:\.${LABEL})*\.[a-z]{2,24}|${AT}${LABEL}(?:${DOT}${LABEL})*${DOT}(?:${TLDS}))\b`,
  "gi",
);
const SPELLED_AT_ONLY = new RegExp(String.raw`\s+at\s+`, "i");

// https://…, www.…, and bare domains such as substation.io or x.co.uk/path.
const URL_PATTERN = new RegExp(
  String.raw`(?:\b(?:https?|ftp)://[^\s<>"']+|\bwww\.[^\s<>"']+|\b(?:${LABEL}\.)+(?:${TLDS})\b(?:/[^\s<>"']*)?)`,
  "gi",
);

// A run of digits with phone-like separators; judged by isPhone below.
const PHONE_CANDIDATE = /(?:\+\s?)?(?:\(\d{1,4}\)\s?)?\d[\d\s().-]{5,}\d/g;
const DATE = /\d{4}-\d{2}-\d{2}/;

function isPhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, "");
  if (digits.length < 7 || digits.length > 15) return false;
  if (DATE.test(candidate)) return false;
  const international = candidate.trimStart().startsWith("+");
  const grouped = /[\s().-]/.test(candidate.trim());
  // An ungrouped run of digits is a phone number only when long enough to be one with
  // its area code (a plain 1000000 is more likely kW or cents).
  if (!international && !grouped) return digits.length >= 10;
  // Groups of digits separated by single spaces are ordinary numbers in prose ("2 000
  // 300"), unless they look like a phone: a + prefix, parentheses, dashes or dots.
  if (!international && !/[().-]/.test(candidate)) return digits.length >= 10;
  return true;
}

/** The text with every email address, phone number and URL or domain replaced by CONTACT_MASK. */
export function maskContactDetails(text: string): string {
  let out = text.replace(EMAIL, (match) => {
    // "I am at site dot com" is not an address unless the dot was spelled; the regex
    // already needs a spelled dot for the " at " form, so this only guards against
    // a sentence like "meet at hall dot org" with no user part worth the name.
    if (SPELLED_AT_ONLY.test(match) && !/(dot|\[|\()/i.test(match)) return match;
    return CONTACT_MASK;
  });
  out = out.replace(URL_PATTERN, (match) => {
    if (match.includes(CONTACT_MASK)) return match;
    // Sentence punctuation after a link belongs to the sentence.
    const trail = /[.,;:!?)\]]*$/.exec(match)![0];
    return `${CONTACT_MASK}${trail}`;
  });
  out = out.replace(PHONE_CANDIDATE, (match) => {
    // Keep the whitespace the candidate swallowed at its edges.
    const lead = /^\s*/.exec(match)![0];
    const trail = /\s*$/.exec(match)![0];
    return isPhone(match) ? `${lead}${CONTACT_MASK}${trail}` : match;
  });
  // Neighbouring pieces of one contact ("call +1 512 555 0100 or mail x@y.io") stay two
  // notices; a notice repeated back to back reads as one.
  return out.replace(new RegExp(String.raw`(?:${escape(CONTACT_MASK)}[\s,;/]*){2,}`, "g"), (m) => `${CONTACT_MASK}${/\s$/.test(m) ? " " : ""}`);
}

/** True when the text has anything maskContactDetails would hide. */
export function hasContactDetails(text: string): boolean {
  return maskContactDetails(text) !== text;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
