/** The insurers screen: joining and leaving insurers, each connection's state and sync health. */
export const insurersEn = {
  'insurers.nav': 'Insurers',
  'insurers.title': 'Insurers',
  'insurers.lead':
    'Choose the health insurers that may list you. When you join one, DocPort sends it your profile and it decides whether to accept you. Once you are active, every change you make reaches it by itself.',
  'insurers.loading': 'Loading the insurers…',
  'insurers.noProfile': 'Create your profile first: insurers list you with what it says.',
  'insurers.yours': 'Your insurers',
  'insurers.doctorsOnly': 'Insurers are chosen by doctor accounts.',
  'insurers.yoursEmpty': 'You have not joined any insurer yet.',
  'insurers.yoursEmptyHint':
    'Choose one under “Other insurers on DocPort” to have your profile listed with it.',
  'insurers.others': 'Other insurers on DocPort',
  'insurers.othersEmpty': 'There are no other insurers on DocPort at the moment.',
  'insurers.noneAtAll':
    'No insurer is connected to DocPort yet. Come back later: you can join insurers here as soon as they connect.',
  'insurers.networks': 'Networks: {names}',
  'insurers.updating': 'This page updates by itself while an insurer works on your request.',

  'insurers.state.REQUESTED': 'Waiting for {name} to accept you',
  'insurers.state.ENROLLING': 'Waiting for {name} to accept you',
  'insurers.state.ACTIVE': 'Active since {date}',
  'insurers.state.ACTIVE.undated': 'Active',
  'insurers.state.WITHDRAWING': 'Being withdrawn',
  'insurers.state.REJECTED': '{name} declined: {reason}',
  'insurers.state.REJECTED.noReason': '{name} declined your request.',
  'insurers.state.FAILED': 'Could not be completed: {reason}',
  'insurers.state.FAILED.noReason': 'Could not be completed.',
  'insurers.state.REVOKED': 'You left on {date}',
  'insurers.state.REVOKED.undated': 'You left',
  'insurers.requestedOn': 'You asked on {date}. {name} decides next.',
  'insurers.withdrawing.REVOKED': 'You are leaving: your profile is being removed from {name}.',
  'insurers.withdrawing.REJECTED':
    '{name} declined: {reason}. Your profile is being removed from it.',
  'insurers.withdrawing.FAILED':
    'Joining could not be completed: {reason}. Your profile is being removed from {name}.',
  'insurers.withdrawing.noReason': 'Your profile is being removed from {name}.',
  'insurers.again': 'You can ask to join again.',
  'insurers.notJoinable': '{name} is no longer connected to DocPort, so you cannot join it now.',
  'insurers.neverJoined': 'Not joined.',

  'insurers.sync': 'Your data at {name}:',
  'insurers.sync.upToDate': 'Up to date (version {version}, delivered {when})',
  'insurers.sync.sending': 'Sending your latest change (version {version})…',
  'insurers.sync.retrying': {
    one: 'Retrying: {count} failed attempt',
    other: 'Retrying: {count} failed attempts',
  },
  'insurers.sync.lastError': 'Last error: {error}',
  'insurers.sync.dead':
    "Your latest change was refused by the insurer; DocPort's operators have been alerted",
  'insurers.sync.held': '{name} holds version {version}, delivered {when}.',
  'insurers.sync.heldUndated': '{name} holds version {version}.',
  'insurers.sync.paused': 'Deliveries paused by DocPort',
  'insurers.sync.pausedBody': 'Your changes wait and are sent as soon as deliveries resume.',

  'insurers.join': 'Join {name}',
  'insurers.joining': 'Joining {name}…',
  'insurers.leave': 'Leave {name}',
  'insurers.leaving': 'Leaving {name}…',
  'insurers.joined': 'You asked to join {name}. We will show here when {name} accepts you.',
  'insurers.left': 'You are leaving {name}. Your profile is being removed from it.',
  'insurers.finishOnboarding': 'Finish your onboarding',
  'insurers.leaveTitle': 'Leave {name}?',
  'insurers.leaveBody':
    'Your profile will be withdrawn from {name}. Its members will no longer find you through it, and your changes stop reaching it. You can join again later.',
  'insurers.leaveConfirm': 'Yes, leave {name}',
} as const;
