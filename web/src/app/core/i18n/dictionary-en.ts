import { Dictionary } from './dictionary-it';

/** English texts; the compiler checks that every Italian key is here. */
export const EN: Dictionary = {
  'app.name': 'URP Desk',
  'app.comune': 'Comune di Calderara di Reno',
  'app.urp': 'URP – Public Relations Office',
  'app.area': 'Metropolitan City of Bologna',
  'app.home': 'URP Desk home page',
  'skip.main': 'Skip to main content',

  'lang.label': 'Language',
  'lang.it': 'Italiano',
  'lang.en': 'English',

  'footer.heading': 'Information',
  'footer.text': 'Appointments with the Public Relations Office of the Comune di Calderara di Reno.',
  'footer.links': 'Legal notes',
  'footer.privacy': 'Privacy notice',
  'footer.accessibility': 'Accessibility',

  'common.loading': 'Loading…',
  'common.retry': 'Try again',
  'common.backHome': 'Back to services',
  'common.externalLink': '(external site)',

  'error.network':
    'The booking service could not be reached. Please check your connection and try again.',
  'error.generic': 'Something went wrong. Please try again in a few minutes.',

  'title.home': 'Book an appointment',
  'title.booking': 'Choose date and time',
  'title.notFound': 'Page not found',
  'title.privacy': 'Privacy notice',
  'title.accessibility': 'Accessibility',

  'home.title': 'Book an appointment at the URP',
  'home.intro':
    'The Public Relations Office sees people mostly by appointment: no queueing, and you know in advance what to bring. Choose the service, then the day and time that suit you.',
  'home.office.address': 'Address',
  'home.office.phone': 'Phone',
  'home.office.email': 'E-mail',
  'home.office.hours': 'Opening hours',
  'home.office.closed': 'Closed',
  'home.services': 'Services you can book',
  'home.noOffice': 'No office is taking online bookings at the moment.',
  'home.noServices': 'No service can be booked online at the moment.',

  'service.duration': 'Duration',
  'service.minutes': '{count} minutes',
  'service.fee': 'Fee',
  'service.free': 'Free',
  'service.documents': 'What to bring',
  'service.online': 'Also online',
  'service.book': 'Book',

  'steps.label': 'Booking steps',
  'steps.position': 'Step {current} of {total}',
  'steps.office': 'Office',
  'steps.service': 'Service',
  'steps.datetime': 'Date and time',
  'steps.applicant': 'Applicant',
  'steps.summary': 'Summary',
  'steps.confirm': 'Confirmation',
  'steps.done': 'completed',
  'steps.current': 'current step',
  'steps.locked': 'not available yet',

  'booking.title': 'Choose date and time',
  'booking.serviceLabel': 'Service',
  'booking.officeLabel': 'Office',
  'booking.changeService': 'Change service',
  'booking.serviceNotFound': 'The service “{code}” does not exist or cannot be booked online.',
  'booking.dayHeading': 'Choose the day',
  'booking.dayHint': 'Only days with free times can be selected.',
  'booking.noAvailability':
    'There are no free times for this service in the next three months. Please try again in a few days or contact the URP.',
  'booking.noAvailabilityInMonth': 'No free times in {month}.',
  'booking.timeHeading': 'Choose the time',
  'booking.timesFor': 'Free times on {date}',
  'booking.pickDayFirst': 'Choose a day in the calendar first.',
  'booking.choice': 'You chose {date} at {time} for “{service}”.',
  'booking.continue': 'Continue',
  'booking.nextStepComing':
    'The next step (the applicant’s details) is coming soon: for now an online booking cannot be completed yet.',
  'booking.status.month': '{month}: {count} days with free times.',
  'booking.status.day': '{date}: {count} free times.',
  'booking.status.time': 'Selected time: {time}.',

  'calendar.prev': 'Previous month',
  'calendar.next': 'Next month',
  'calendar.free': 'free times',
  'calendar.none': 'no free times',
  'calendar.selected': 'selected',

  'slot.remaining.one': '{count} place left',
  'slot.remaining.other': '{count} places left',

  'notFound.title': 'Page not found',
  'notFound.text': 'The address you opened does not match any page of the URP Desk.',
  'notFound.home': 'Go to the home page',

  'privacy.title': 'Privacy notice',
  'privacy.text':
    'To book an appointment the Comune di Calderara di Reno processes the data you enter (name, tax code, e-mail) only to manage the appointment and send you its confirmation and reminder. The full notice under Regulation (EU) 2016/679 will be published here by the Comune.',
  'accessibility.title': 'Accessibility',
  'accessibility.text':
    'The URP Desk is designed to meet WCAG 2.1 level AA (Italian Law 4/2004). The accessibility statement will be published here by the Comune; meanwhile you can report accessibility problems to the URP.',
};
