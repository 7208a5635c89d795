// The object id the user pastes when Microsoft Graph can't be read. Pasted text often carries quotes, braces or
// spaces; anything else than one GUID is refused with a reason instead of failing later at ARM.

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseObjectId(text: string): string | undefined {
  const cleaned = text.trim().replace(/^["'{(\s]+|["'})\s]+$/g, '');
  return GUID.test(cleaned) ? cleaned.toLowerCase() : undefined;
}
