import { Init1795772419649 } from './migrations/1795772419649-Init';
import { Booking1795772990973 } from './migrations/1795772990973-Booking';
import { Retention1795775440672 } from './migrations/1795775440672-Retention';
import { Notifications1795776255650 } from './migrations/1795776255650-Notifications';
import { FewerEmptySlots1795780518117 } from './migrations/1795780518117-FewerEmptySlots';
import { Auth1795780569718 } from './migrations/1795780569718-Auth';
import { FrontDesk1795780705947 } from './migrations/1795780705947-FrontDesk';
import { OfficeConfigVersion1795782591149 } from './migrations/1795782591149-OfficeConfigVersion';
import { Administration1795782850321 } from './migrations/1795782850321-Administration';
import { Stats1795782993995 } from './migrations/1795782993995-Stats';
import { CitizenContactsAndNotices1796232574033 } from './migrations/1796232574033-CitizenContactsAndNotices';
import { Hardening1796232680938 } from './migrations/1796232680938-Hardening';
import { StaffDay1796232699488 } from './migrations/1796232699488-StaffDay';
import { CitizenSignIn1796315572223 } from './migrations/1796315572223-CitizenSignIn';
import { Channels1796593277303 } from './migrations/1796593277303-Channels';
import { Notices1796593321295 } from './migrations/1796593321295-Notices';

/** Every migration, in order, listed explicitly (webpack bundle: no globs). */
export const MIGRATIONS = [
  Init1795772419649,
  Booking1795772990973,
  Retention1795775440672,
  Notifications1795776255650,
  FewerEmptySlots1795780518117,
  Auth1795780569718,
  FrontDesk1795780705947,
  OfficeConfigVersion1795782591149,
  Administration1795782850321,
  Stats1795782993995,
  CitizenContactsAndNotices1796232574033,
  Hardening1796232680938,
  StaffDay1796232699488,
  CitizenSignIn1796315572223,
  Channels1796593277303,
  Notices1796593321295,
];
