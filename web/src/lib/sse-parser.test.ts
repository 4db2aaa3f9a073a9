import { describe, expect, it } from 'vitest';
import { takeEvents } from './sse-parser';

describe('takeEvents', () => {
  it('returns complete events and keeps the unfinished tail for the next chunk', () => {
    const first = takeEvents('id: 7\nevent: stock.changed\ndata: {"a":1}\n\n: heartbeat\n\nid: 8\nevent: stock.ch');
    expect(first.events).toEqual([{ id: '7', event: 'stock.changed', data: '{"a":1}' }]);
    const second = takeEvents(`${first.rest}anged\ndata: {"b":2}\n\n`);
    expect(second).toEqual({ events: [{ id: '8', event: 'stock.changed', data: '{"b":2}' }], rest: '' });
  });

  it('reads CRLF line ends, joins multi-line data and defaults the event name', () => {
    expect(takeEvents('data: one\r\ndata: two\r\n\r\n').events).toEqual([{ id: null, event: 'message', data: 'one\ntwo' }]);
  });

  it('ignores blocks that carry no data', () => {
    expect(takeEvents(': ping\n\nid: 3\n\n').events).toEqual([]);
  });
});
