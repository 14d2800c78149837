/**
 * A link to the office on OpenStreetMap (a page of the map, no embed, no third-party script):
 * a pin at the coordinates when the office has them, else a search for its address.
 */
export function openStreetMapUrl(office: { address: string; city: string; latitude?: number | null; longitude?: number | null }): string {
  const { latitude, longitude } = office;
  if (typeof latitude === 'number' && typeof longitude === 'number') {
    const lat = latitude.toFixed(6);
    const lon = longitude.toFixed(6);
    return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=18/${lat}/${lon}`;
  }
  // "(BO)" and the like confuse the search: the street, the postcode and the town find it.
  const query = `${office.address}, ${office.city}`.replace(/\s*\([^)]*\)/g, '').trim();
  return `https://www.openstreetmap.org/search?query=${encodeURIComponent(query)}`;
}
