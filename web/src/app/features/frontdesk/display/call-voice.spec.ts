import { DOCUMENT } from '@angular/common';
import { TestBed } from '@angular/core/testing';
import { CallVoice } from './call-voice';

class FakeUtterance {
  lang = '';
  rate = 1;
  volume = 1;
  voice: unknown = null;
  onend: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly text: string) {}
}

function fakeWindow(options: { endSpeech?: boolean } = {}) {
  const oscillators: Array<{ frequency: { value: number }; start: jest.Mock; stop: jest.Mock }> = [];
  const gainNode = () => ({ gain: { setValueAtTime: jest.fn(), exponentialRampToValueAtTime: jest.fn() }, connect: jest.fn((node) => node) });
  const context = {
    state: 'suspended',
    currentTime: 0,
    destination: {},
    resume: jest.fn(async function (this: { state: string }) {
      this.state = 'running';
    }),
    createOscillator: jest.fn(() => {
      const oscillator = { type: '', frequency: { value: 0 }, connect: jest.fn((node) => node), start: jest.fn(), stop: jest.fn() };
      oscillators.push(oscillator);
      return oscillator;
    }),
    createGain: jest.fn(gainNode),
  };
  const spoken: FakeUtterance[] = [];
  const speechSynthesis = {
    speak: jest.fn((utterance: FakeUtterance) => {
      spoken.push(utterance);
      if (options.endSpeech !== false) setTimeout(() => utterance.onend?.());
    }),
    cancel: jest.fn(),
    getVoices: () => [
      { lang: 'en-GB', name: 'English' },
      { lang: 'it-IT', name: 'Italiano' },
    ],
  };
  const view = { AudioContext: jest.fn(() => context), speechSynthesis, SpeechSynthesisUtterance: FakeUtterance };
  return { view, context, oscillators, spoken, speechSynthesis };
}

describe('CallVoice (chime and Italian speech)', () => {
  afterEach(() => jest.useRealTimers());

  function create(view: object): CallVoice {
    TestBed.configureTestingModule({ providers: [{ provide: DOCUMENT, useValue: { defaultView: view } }] });
    return TestBed.inject(CallVoice);
  }

  const CALL = { eventId: '1', number: 'C012', deskName: 'Sportello 2', at: '2027-03-29T09:40:00+02:00', recall: false };

  it('is silent until enabled by a user gesture', async () => {
    const fake = fakeWindow();
    const voice = create(fake.view);
    await voice.announce(CALL);
    expect(fake.speechSynthesis.speak).not.toHaveBeenCalled();
    expect(fake.view.AudioContext).not.toHaveBeenCalled();
  });

  it('once enabled: a two-tone chime, then the call spoken in Italian with an Italian voice', async () => {
    jest.useFakeTimers();
    const fake = fakeWindow();
    const voice = create(fake.view);
    await voice.enable();
    expect(voice.enabled()).toBe(true);
    expect(fake.context.resume).toHaveBeenCalled();
    // The silent utterance that unlocks speech within the click.
    expect(fake.spoken[0]).toMatchObject({ text: '', volume: 0 });

    const done = voice.announce(CALL);
    await jest.advanceTimersByTimeAsync(5_000);
    await done;
    expect(fake.oscillators.map((o) => o.frequency.value)).toEqual([880, 659.25]);
    expect(fake.spoken[1]).toMatchObject({ text: 'Numero C 0 1 2, sportello 2', lang: 'it-IT', voice: { lang: 'it-IT', name: 'Italiano' } });
  });

  it('goes on after a timeout when the voice never says it has finished', async () => {
    jest.useFakeTimers();
    const fake = fakeWindow({ endSpeech: false });
    const voice = create(fake.view);
    await voice.enable();
    let finished = false;
    void voice.announce(CALL).then(() => (finished = true));
    await jest.advanceTimersByTimeAsync(5_000);
    expect(finished).toBe(false);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(finished).toBe(true);
  });

  it('stops speaking when disabled', async () => {
    const fake = fakeWindow();
    const voice = create(fake.view);
    await voice.enable();
    voice.disable();
    expect(voice.enabled()).toBe(false);
    expect(fake.speechSynthesis.cancel).toHaveBeenCalled();
  });

  it('works without Web Audio and without speech (nothing to play, nothing thrown)', async () => {
    const voice = create({});
    expect(voice.canSpeak).toBe(false);
    await voice.enable();
    await expect(voice.announce(CALL)).resolves.toBeUndefined();
  });
});
