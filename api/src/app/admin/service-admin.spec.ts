import type { BookedRow } from './admin.repository';
import { effectiveHours, strandedByServiceChange } from './service-admin.service';

const ROME = 'Europe/Rome';
const HOURS = effectiveHours([{ serviceId: null, weekday: 1, startTime: '08:30:00', endTime: '12:30:00' }], 'cie');

let created = 0;
function booked(code: string, start: string, minutes = 30): BookedRow {
  const startAt = new Date(start);
  return {
    id: code,
    code,
    office_id: 'o',
    service_id: 'cie',
    start_at: startAt,
    end_at: new Date(startAt.getTime() + minutes * 60_000),
    sequence: 0,
    created_at: new Date(1_800_000_000_000 + created++ * 1000),
    name_it: 'CIE',
  };
}

describe('strandedByServiceChange', () => {
  const shape = { active: true, durationMinutes: 30, capacity: 2 };
  const a = booked('A', '2027-03-29T08:30:00+02:00');
  const b = booked('B', '2027-03-29T08:30:00+02:00');
  const c = booked('C', '2027-03-29T09:00:00+02:00');

  it('strands nothing when nothing that matters changes', () => {
    expect(strandedByServiceChange([a, b, c], shape, { ...shape, capacity: 3 }, HOURS, ROME)).toEqual([]);
  });

  it('strands every booking when the service is deactivated', () => {
    expect(strandedByServiceChange([a, b, c], shape, { ...shape, active: false }, HOURS, ROME).map((x) => x.code)).toEqual(['A', 'B', 'C']);
  });

  it('lower capacity strands the latest bookings beyond it, slot by slot', () => {
    expect(strandedByServiceChange([b, a, c], shape, { ...shape, capacity: 1 }, HOURS, ROME).map((x) => x.code)).toEqual(['B']);
    expect(strandedByServiceChange([a, b, c], shape, { ...shape, capacity: 0 }, HOURS, ROME).map((x) => x.code)).toEqual(['A', 'B', 'C']);
  });

  it('another slot length strands the bookings off the new grid', () => {
    // 20-minute slots from 08:30: 08:30 (20 min) fits, 09:00 does not start on the grid — and 30-minute bookings do not last one slot.
    expect(strandedByServiceChange([a, c], shape, { ...shape, durationMinutes: 20 }, HOURS, ROME).map((x) => x.code)).toEqual(['A', 'C']);
    expect(
      strandedByServiceChange([booked('D', '2027-03-29T09:30:00+02:00')], shape, { ...shape, durationMinutes: 60 }, HOURS, ROME).map((x) => x.code),
    ).toEqual(['D']);
    expect(strandedByServiceChange([a], shape, { ...shape, durationMinutes: 30 }, HOURS, ROME)).toEqual([]);
  });
});
