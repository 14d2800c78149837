import { encodeQr, qrPath } from './qr-code';

/** Rows of a matrix as text, "#" for dark. */
const picture = (modules: boolean[][]) => modules.map((row) => row.map((dark) => (dark ? '#' : '.')).join(''));

describe('QR code', () => {
  it('draws a booking code in version 1 with the three finder patterns and timing lines', () => {
    const qr = encodeQr('CIE-7K3P9Q');
    expect(qr.size).toBe(21);
    const rows = picture(qr.modules);
    const finder = ['#######', '#.....#', '#.###.#', '#.###.#', '#.###.#', '#.....#', '#######'];
    for (let i = 0; i < 7; i++) {
      expect(rows[i].slice(0, 7)).toBe(finder[i]);
      expect(rows[i].slice(14)).toBe(finder[i]);
      expect(rows[14 + i].slice(0, 7)).toBe(finder[i]);
    }
    expect(rows[6].slice(8, 13)).toBe('#.#.#');
    expect(
      rows
        .slice(8, 13)
        .map((row) => row[6])
        .join(''),
    ).toBe('#.#.#');
    // The dark module next to the bottom-left finder.
    expect(qr.modules[13][8]).toBe(true);
  });

  it('grows with the text and differs between texts', () => {
    expect(encodeQr('x'.repeat(100)).size).toBeGreaterThan(21);
    expect(picture(encodeQr('CIE-7K3P9Q').modules)).not.toEqual(picture(encodeQr('CIE-7K3P9R').modules));
  });

  it('draws one unit square per dark module, shifted by the quiet zone', () => {
    const qr = {
      size: 2,
      modules: [
        [true, false],
        [false, true],
      ],
    };
    expect(qrPath(qr, 4)).toBe('M4 4h1v1h-1zM5 5h1v1h-1z');
  });
});
