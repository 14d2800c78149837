import { DOCUMENT } from '@angular/common';
import { inject, Injectable, signal } from '@angular/core';
import { CallToAnnounce, spokenCall } from './announcer';

type AudioContextConstructor = typeof AudioContext;

/** Longest a spoken call may take before the next one goes ahead anyway (a voice that never ends). */
const SPEECH_TIMEOUT_MS = 12_000;
const GAP_MS = 600;

/**
 * The display's sound: a short two-tone chime (Web Audio oscillator, no audio file) and the
 * call spoken in Italian (Web Speech API). Browsers play sound only after a user gesture,
 * hence `enable()` behind the "Attiva audio" button.
 */
@Injectable({ providedIn: 'root' })
export class CallVoice {
  private readonly window = inject(DOCUMENT).defaultView;
  private context: AudioContext | null = null;

  /** Whether sound is on (the button was pressed). */
  readonly enabled = signal(false);

  /** Whether the browser can speak at all. */
  get canSpeak(): boolean {
    return !!this.window && 'speechSynthesis' in this.window && typeof this.window.SpeechSynthesisUtterance === 'function';
  }

  /** Called from a click: unlocks audio and speech for the page. */
  async enable(): Promise<void> {
    const Context = this.audioContextClass();
    if (Context) {
      this.context ??= new Context();
      await this.context.resume().catch(() => undefined);
    }
    if (this.canSpeak && this.window) {
      // An empty utterance within the gesture lets later calls speak without one.
      const unlock = new this.window.SpeechSynthesisUtterance('');
      unlock.volume = 0;
      this.window.speechSynthesis.speak(unlock);
    }
    this.enabled.set(true);
  }

  disable(): void {
    this.enabled.set(false);
    if (this.canSpeak) this.window?.speechSynthesis.cancel();
  }

  /** Chime, then the spoken call; settles when done (or after a timeout), never rejects. */
  async announce(call: CallToAnnounce): Promise<void> {
    if (!this.enabled()) return;
    await this.chime();
    await this.speak(spokenCall(call));
    await this.pause(GAP_MS);
  }

  private audioContextClass(): AudioContextConstructor | null {
    const view = this.window as (Window & { AudioContext?: AudioContextConstructor; webkitAudioContext?: AudioContextConstructor }) | null;
    return view?.AudioContext ?? view?.webkitAudioContext ?? null;
  }

  /** Two soft sine tones (a "ding-dong"), 0.9 s in all. */
  private async chime(): Promise<void> {
    const context = this.context;
    if (!context || context.state !== 'running') return;
    const start = context.currentTime + 0.05;
    const tones: Array<[number, number]> = [
      [880, start],
      [659.25, start + 0.35],
    ];
    for (const [frequency, at] of tones) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.35, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.5);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(at);
      oscillator.stop(at + 0.55);
    }
    await this.pause(950);
  }

  private speak(text: string): Promise<void> {
    const view = this.window;
    if (!view || !this.canSpeak) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const utterance = new view.SpeechSynthesisUtterance(text);
      utterance.lang = 'it-IT';
      utterance.rate = 0.9;
      const voice = view.speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith('it'));
      if (voice) utterance.voice = voice;
      const timer = setTimeout(done, SPEECH_TIMEOUT_MS);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      utterance.onend = done;
      utterance.onerror = done;
      view.speechSynthesis.speak(utterance);
    });
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }
}
