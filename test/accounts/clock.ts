/** A clock tests move by hand. */
export class Clock {
  private at = Date.parse('2026-11-20T09:00:00Z');
  readonly now = (): number => this.at;
  advance(ms: number): void {
    this.at += ms;
  }
}
