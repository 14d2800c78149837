import { openStreetMapUrl } from './map-link';

describe('openStreetMapUrl', () => {
  it('searches the address without the province in brackets', () => {
    expect(openStreetMapUrl({ address: 'Piazza Marconi 7', city: '40012 Calderara di Reno (BO)' })).toBe(
      'https://www.openstreetmap.org/search?query=Piazza%20Marconi%207%2C%2040012%20Calderara%20di%20Reno',
    );
  });

  it('pins the coordinates when known', () => {
    expect(openStreetMapUrl({ address: 'x', city: 'y', latitude: 44.5641, longitude: 11.2729 })).toBe(
      'https://www.openstreetmap.org/?mlat=44.564100&mlon=11.272900#map=18/44.564100/11.272900',
    );
  });
});
