/** One Server-Sent Event as the stream framed it. */
export interface StreamEvent {
  id: string | null;
  event: string;
  data: string;
}

/**
 * Splits what arrived so far into complete events (a block ended by a blank line) and the rest,
 * which waits for more text. Comment lines (`: heartbeat`) are dropped; a block without data is not
 * an event. Follows the SSE framing rules the server uses: `field: value`, CRLF or LF line ends.
 */
export function takeEvents(buffer: string): { events: StreamEvent[]; rest: string } {
  const normalised = buffer.replace(/\r\n?/g, '\n');
  const blocks = normalised.split('\n\n');
  const rest = blocks.pop() ?? '';
  const events: StreamEvent[] = [];
  for (const block of blocks) {
    let id: string | null = null;
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') id = value;
      else if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length > 0) events.push({ id, event, data: data.join('\n') });
  }
  return { events, rest };
}
