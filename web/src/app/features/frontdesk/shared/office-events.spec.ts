import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { OfficeEventDto } from '@sportello/contracts';
import { FakeEventSource, fakeEventSources } from '../../../testing/frontdesk-fixtures';
import { EVENT_SOURCE_FACTORY, followOffice, LiveMessage, OfficeEvents, Refresher } from './office-events';

describe('OfficeEvents (Server-Sent Events of an office)', () => {
  beforeEach(() => {
    FakeEventSource.instances = [];
    TestBed.configureTestingModule({ providers: [{ provide: EVENT_SOURCE_FACTORY, useValue: fakeEventSources }] });
  });

  afterEach(() => jest.useRealTimers());

  it('opens the office stream and passes on ready, the id-only events and lost connections', () => {
    const messages: LiveMessage[] = [];
    const subscription = TestBed.inject(OfficeEvents)
      .connect('office 1')
      .subscribe((m) => messages.push(m));
    const source = FakeEventSource.latest();
    expect(source.url).toBe('/api/offices/office%201/events');
    source.emit('ready', { officeId: 'office 1' });
    source.emit('ticket', { type: 'ticket', officeId: 'office 1', ticketId: 't1', deskId: 'd1', event: 'CALLED' });
    source.emit('desk', { type: 'desk', officeId: 'office 1', deskId: 'd1' });
    source.emit('ping');
    source.fail();
    expect(messages).toEqual([
      { kind: 'ready' },
      { kind: 'event', event: { type: 'ticket', officeId: 'office 1', ticketId: 't1', deskId: 'd1', event: 'CALLED' } },
      { kind: 'event', event: { type: 'desk', officeId: 'office 1', deskId: 'd1' } },
      { kind: 'lost' },
    ]);
    // A network error: EventSource reconnects by itself, no second stream is opened.
    expect(FakeEventSource.instances).toHaveLength(1);
    subscription.unsubscribe();
    expect(source.closed).toBe(true);
  });

  it('opens a new stream, with a growing delay, when the server refused the connection', () => {
    jest.useFakeTimers();
    const messages: LiveMessage[] = [];
    const subscription = TestBed.inject(OfficeEvents)
      .connect('o1')
      .subscribe((m) => messages.push(m));
    FakeEventSource.latest().fail(2);
    expect(messages).toEqual([{ kind: 'lost' }]);
    jest.advanceTimersByTime(1_999);
    expect(FakeEventSource.instances).toHaveLength(1);
    jest.advanceTimersByTime(1);
    expect(FakeEventSource.instances).toHaveLength(2);
    FakeEventSource.latest().fail(2);
    jest.advanceTimersByTime(3_999);
    expect(FakeEventSource.instances).toHaveLength(2);
    jest.advanceTimersByTime(1);
    expect(FakeEventSource.instances).toHaveLength(3);
    FakeEventSource.latest().emit('ready');
    expect(messages.at(-1)).toEqual({ kind: 'ready' });
    subscription.unsubscribe();
  });

  it('ignores malformed event data', () => {
    const messages: LiveMessage[] = [];
    TestBed.inject(OfficeEvents)
      .connect('o1')
      .subscribe((m) => messages.push(m));
    const source = FakeEventSource.latest();
    source.emit('ticket', 'not json {');
    expect(messages).toEqual([]);
  });

  it('completes at once where the browser has no EventSource', () => {
    TestBed.overrideProvider(EVENT_SOURCE_FACTORY, { useValue: () => null });
    const complete = jest.fn();
    TestBed.inject(OfficeEvents).connect('o1').subscribe({ complete });
    expect(complete).toHaveBeenCalled();
  });
});

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class Follower {
  readonly officeId = signal<string | null>('o1');
  readonly seen: Array<OfficeEventDto | null> = [];
  readonly status = followOffice(
    () => this.officeId(),
    (event) => this.seen.push(event),
  );
}

describe('followOffice', () => {
  beforeEach(() => {
    FakeEventSource.instances = [];
    TestBed.configureTestingModule({ providers: [{ provide: EVENT_SOURCE_FACTORY, useValue: fakeEventSources }] });
  });

  it('reports the connection state, calls back on ready and events, and follows the office', async () => {
    const fixture = TestBed.createComponent(Follower);
    await fixture.whenStable();
    const follower = fixture.componentInstance;
    expect(follower.status()).toBe('connecting');
    const first = FakeEventSource.latest();
    first.emit('ready');
    expect(follower.status()).toBe('live');
    first.emit('ticket', { type: 'ticket', officeId: 'o1', ticketId: 't1' });
    expect(follower.seen).toEqual([null, { type: 'ticket', officeId: 'o1', ticketId: 't1' }]);
    first.fail();
    expect(follower.status()).toBe('reconnecting');

    follower.officeId.set('o2');
    await fixture.whenStable();
    expect(first.closed).toBe(true);
    expect(FakeEventSource.latest().url).toBe('/api/offices/o2/events');

    fixture.destroy();
    expect(FakeEventSource.latest().closed).toBe(true);
  });
});

describe('Refresher', () => {
  it('never loads twice at once, and folds the triggers of a burst into one more load', async () => {
    const resolvers: Array<() => void> = [];
    const load = jest.fn(() => new Promise<void>((resolve) => resolvers.push(resolve)));
    const refresher = new Refresher(load);
    const first = refresher.trigger();
    void refresher.trigger();
    void refresher.trigger();
    expect(load).toHaveBeenCalledTimes(1);
    resolvers.shift()?.();
    await Promise.resolve();
    await Promise.resolve();
    expect(load).toHaveBeenCalledTimes(2);
    resolvers.shift()?.();
    await first;
    expect(load).toHaveBeenCalledTimes(2);
    // Idle again: the next trigger loads at once.
    void refresher.trigger();
    expect(load).toHaveBeenCalledTimes(3);
    resolvers.shift()?.();
  });

  it('keeps working after a failed load', async () => {
    const load = jest.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(undefined);
    const refresher = new Refresher(load);
    await refresher.trigger();
    await refresher.trigger();
    expect(load).toHaveBeenCalledTimes(2);
  });
});
