/** The doctor's home: the practice dashboard, and the way to it through onboarding. */
export const dashboardEn = {
  'dashboard.title': 'Your practice',
  'dashboard.loading': 'Loading your practice figures…',
  'dashboard.updating': 'Updating the figures…',
  'dashboard.failed': 'Your practice figures could not be loaded. Please try again.',
  'dashboard.range': 'Weeks shown',
  'dashboard.rangeHint': 'Weeks start on Monday, in your time zone ({timeZone}).',
  'dashboard.range.recent': 'Last 8 weeks and the next 3',
  'dashboard.range.quarter': 'Last 12 weeks and the next 4',
  'dashboard.range.half': 'Last 26 weeks',

  'dashboard.summary': 'At a glance',
  'dashboard.summary.thisWeek': 'Appointments this week',
  'dashboard.summary.cancellationRate': 'Cancellation rate',
  'dashboard.summary.noShowRate': 'No-show rate',
  'dashboard.summary.rateNote': {
    one: '{part} of {count} appointment in these weeks',
    other: '{part} of {count} appointments in these weeks',
  },
  'dashboard.summary.noAppointments': 'No appointments in these weeks',
  'dashboard.summary.utilisation': {
    one: 'Slots booked this week',
    other: 'Slots booked, next {count} weeks',
  },
  'dashboard.summary.utilisationNote': {
    one: '{part} of {count} slot on offer',
    other: '{part} of {count} slots on offer',
  },
  'dashboard.summary.noSlots': 'No slots on offer',
  'dashboard.noFigure': 'No figure',
  'dashboard.weekOf': 'Week of {date}',
  'dashboard.thisWeek': 'this week',
  'dashboard.thisWeekNote': '(this week)',

  'dashboard.showTable': 'Show the figures as a table',
  'dashboard.tableRegion': '{title}: table',
  'dashboard.legend': 'Key',
  'dashboard.chartLoading': 'Loading the chart…',
  'dashboard.chartFailed': 'The chart could not be drawn. The figures are in the table below.',
  'dashboard.axis.appointments': 'Appointments',
  'dashboard.axis.percent': 'Slots booked (%)',

  'dashboard.series.attended': 'Attended',
  'dashboard.series.booked': 'Booked, not yet held',
  'dashboard.series.cancelled': 'Cancelled',
  'dashboard.series.noShows': 'No-show',
  'dashboard.series.keptOrBooked': 'Attended or booked',
  'dashboard.series.utilisation': 'Slots booked',
  'dashboard.column.week': 'Week of',
  'dashboard.column.insurer': 'Insurer',
  'dashboard.column.total': 'Total',
  'dashboard.column.offered': 'Slots on offer',
  'dashboard.column.taken': 'Slots booked',
  'dashboard.column.utilisation': 'Utilisation',
  'dashboard.allWeeks': 'All weeks',
  'dashboard.allInsurers': 'All insurers',

  'dashboard.weekly.title': 'Appointments per week',
  'dashboard.weekly.description':
    'Every appointment booked for each week from {from} to {to}, by what became of it.',
  'dashboard.weekly.chartLabel':
    'Stacked bar chart of appointments per week from {from} to {to}. The figures are in the table “{title}”.',
  'dashboard.insurers.title': 'Appointments by insurer',
  'dashboard.insurers.description':
    'Appointments booked through each insurer from {from} to {to}, with how many were cancelled or missed.',
  'dashboard.insurers.chartLabel':
    'Stacked bar chart of appointments by insurer from {from} to {to}. The figures are in the table “{title}”.',
  'dashboard.utilisation.title': 'Slot utilisation',
  'dashboard.utilisation.description':
    'The share of your slots on offer that patients have booked, from now to the end of the range. Slots of past weeks are not kept.',
  'dashboard.utilisation.chartLabel':
    'Bar chart of the share of slots booked per week from {from} to {to}. The figures are in the table “{title}”.',
  'dashboard.utilisation.noSlots': 'No slots on offer',
  'dashboard.utilisation.none':
    'You have no slots on offer from this week on, so patients cannot book you. Set your hours to open some.',

  'dashboard.empty.title': 'No appointments yet',
  'dashboard.empty.body':
    'Set your hours and join insurers to be booked. Your figures appear here as patients book you.',
  'dashboard.empty.setHours': 'Set your hours',
  'dashboard.empty.joinInsurers': 'Join insurers',

  'dashboard.home.loading': 'Loading your home page…',
  'dashboard.home.finishOnboarding': 'Finish your onboarding',
  'dashboard.home.onboardingStatus': 'Where it stands: {status}.',
  'dashboard.home.onboardingFirst':
    'Your practice dashboard opens here once your profile is approved and active.',
  'dashboard.home.account': 'Your account',
} as const;
