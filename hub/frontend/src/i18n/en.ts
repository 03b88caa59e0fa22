/**
 * Every English string the app shows. Keys are grouped by screen; `{name}` marks a parameter.
 * A value may be a plural set (`one`/`other`, as chosen by Intl.PluralRules on the `count` parameter).
 */
export const en = {
  'app.name': 'DocPort',
  'app.titleSuffix': 'DocPort',
  'app.loading': 'Loading DocPort…',
  'app.pageLoading': 'Loading the page…',
  'app.unreachable.title': 'DocPort cannot be reached',
  'app.unreachable.body':
    'We could not reach the DocPort server. Check your internet connection and try again.',
  'app.tryAgain': 'Try again',

  'layout.skipLink': 'Skip to main content',
  'layout.mainNav': 'Main',
  'layout.home': 'Home',
  'layout.security': 'Security',
  'layout.signedInAs': 'Signed in as',
  'layout.signOut': 'Sign out',
  'layout.signingOut': 'Signing out…',
  'layout.footer': 'DocPort connects doctors with the health insurers they choose.',

  'role.DOCTOR': 'Doctor',
  'role.OPERATOR': 'Operator',
  'role.INSURER': 'Health insurer',

  'common.email': 'Email',
  'common.password': 'Password',
  'common.confirmPassword': 'Confirm password',
  'common.showPassword': 'Show password',
  'common.cancel': 'Cancel',
  'common.signIn': 'Sign in',
  'common.backToSecurity': 'Back to account security',
  'common.goHome': 'Go to the home page',
  'common.working': 'Please wait…',
  'common.fieldError': 'Error:',

  'validation.usernameRequired': 'Enter your email or username.',
  'validation.passwordRequired': 'Enter your password.',
  'validation.emailRequired': 'Enter your email address.',
  'validation.confirmRequired': 'Enter the password again.',
  'validation.codeRequired': 'Enter the code.',
  'validation.email': 'Enter an email address like name@example.com.',
  'validation.passwordTooShort': 'Use at least {min} characters.',
  'validation.passwordTooLong': 'Use at most {max} characters.',
  'validation.passwordsDiffer': 'The passwords do not match.',
  'validation.totp': 'Enter the 6-digit code from your authenticator app.',
  'validation.recoveryCode': 'Enter one of your recovery codes, like abcd-efgh-2345.',

  'error.generic': 'Something went wrong. Please try again.',
  'error.network': 'We could not reach DocPort. Check your internet connection and try again.',
  'error.400': 'Please check the information you entered.',
  'error.401': 'You are not signed in, or your session has ended.',
  'error.403': 'You are not allowed to do this.',
  'error.404': 'We could not find what you asked for.',
  'error.409': 'This conflicts with the current state. Reload the page and try again.',
  'error.410': 'This link has expired.',
  'error.500': 'DocPort had a problem. Please try again in a moment.',
  'error.otherFields': 'Also check:',
  'error.tooManyAttempts': {
    one: 'Too many attempts, try again in {count} second.',
    other: 'Too many attempts, try again in {count} seconds.',
  },
  'error.canTryAgain': 'You can try again now.',

  'signIn.title': 'Sign in',
  'signIn.lead': 'Sign in to manage your practice details and the insurers you work with.',
  'signIn.username': 'Email or username',
  'signIn.submit': 'Sign in',
  'signIn.noAccount': 'New to DocPort?',
  'signIn.register': 'Create an account',
  'signIn.signedOut': 'You have signed out.',
  'signIn.signedOutEverywhere': 'You have been signed out on all your devices.',
  'signIn.wrongCredentials': 'The email, username or password is not right.',
  'signIn.notVerified': 'Confirm your email address first, using the link we emailed you.',

  'resend.button': 'Send the link again',
  'resend.emailLabel': 'Your email address',
  'resend.sent':
    'If that address is waiting to be confirmed, we have sent a new link. Check your inbox and spam folder.',

  'secondFactor.title': 'Two-step sign-in',
  'secondFactor.lead': 'Enter the 6-digit code from your authenticator app.',
  'secondFactor.leadRecovery':
    'Enter one of the recovery codes you saved when you set up two-step sign-in. Each code works once.',
  'secondFactor.code': 'Authentication code',
  'secondFactor.recoveryCode': 'Recovery code',
  'secondFactor.codeHint': 'The code changes every 30 seconds.',
  'secondFactor.recoveryHint': 'For example abcd-efgh-2345.',
  'secondFactor.useRecovery': 'Use a recovery code',
  'secondFactor.useApp': 'Use a code from your authenticator app',
  'secondFactor.submit': 'Verify',
  'secondFactor.wrongCode': 'That code did not work. Check it and try again.',

  'register.title': 'Create your DocPort account',
  'register.lead':
    'For doctors: create an account to publish your practice details to the health insurers you choose.',
  'register.passwordHint':
    'Use 12 to 128 characters. A few unrelated words make a strong password.',
  'register.submit': 'Create account',
  'register.haveAccount': 'Already have an account?',
  'register.conflict': 'An account with this email already exists.',
  'register.checkTitle': 'Check your email',
  'register.checkBody':
    'We sent a link to {email}. Open it to confirm your email address, then sign in. The link works for a limited time.',
  'register.checkNothing':
    'Nothing arrived after a few minutes? Check your spam folder, or ask for a new link.',

  'verify.pendingTitle': 'Confirming your email',
  'verify.pending': 'One moment while we confirm your email address…',
  'verify.doneTitle': 'Email confirmed',
  'verify.done': 'Thank you. Your account {username} is ready: you can sign in now.',
  'verify.failedTitle': 'This link did not work',
  'verify.failed': 'The link is invalid or has expired.',
  'verify.resendLead': 'Enter your email address and we will send you a new link.',
  'verify.missingToken':
    'The link is incomplete. Open the link from the email again, or ask for a new one.',

  'unlock.pendingTitle': 'Unlocking your account',
  'unlock.pending': 'One moment while we unlock your account…',
  'unlock.doneTitle': 'Account unlocked',
  'unlock.done': 'Your account is unlocked. You can sign in again.',
  'unlock.failedTitle': 'This link did not work',
  'unlock.failed': 'The link is invalid or has expired.',
  'unlock.whatNext':
    'Sign in again to have a new link emailed to you, or ask a DocPort operator to unlock your account.',
  'unlock.missingToken': 'The link is incomplete. Open the link from the email again.',

  'home.title': 'Welcome to DocPort',
  'home.lead': 'You are signed in as {name} ({role}).',
  'home.cardsLabel': 'What you can do',
  'home.securityCard': 'Account security',
  'home.securityCardBody': 'Two-step sign-in, recovery codes and signing out of other devices.',
  'home.secondFactorOff': 'Two-step sign-in is off. We recommend turning it on.',

  'security.title': 'Account security',
  'security.secondFactorHeading': 'Two-step sign-in',
  'security.secondFactorOn':
    'Two-step sign-in is on. You sign in with your password and a code from your authenticator app.',
  'security.secondFactorOff':
    'Two-step sign-in is off. Turn it on so that a stolen password alone is not enough to sign in to your account.',
  'security.statusOn': 'On',
  'security.statusOff': 'Off',
  'security.status': 'Status:',
  'security.setUp': 'Set up two-step sign-in',
  'security.disable': 'Turn off two-step sign-in',
  'security.disableLead': 'Enter a code from your authenticator app to turn off two-step sign-in.',
  'security.disabled': 'Two-step sign-in is off.',
  'security.enabled': 'Two-step sign-in is on.',
  'security.operatorsKeep': 'Operators must keep two-step sign-in on.',
  'security.regenerate': 'Create new recovery codes',
  'security.regenerateLead':
    'Enter a code from your authenticator app. Your old recovery codes will stop working.',
  'security.sessionsHeading': 'Signed-in devices',
  'security.sessionsBody':
    'Signed in on a shared or lost device? Sign out everywhere ends every session of your account, including this one.',
  'security.signOutEverywhere': 'Sign out everywhere',
  'security.confirmTitle': 'Sign out everywhere?',
  'security.confirmBody':
    'You will be signed out on every device, including this one, and will need to sign in again.',
  'security.confirmYes': 'Yes, sign out everywhere',

  'enrol.title': 'Turn on two-step sign-in',
  'enrol.required': 'Operators must use two-step sign-in. Set it up to continue.',
  'enrol.lead':
    'Each time you sign in, you will enter a code from an authenticator app on your phone.',
  'enrol.preparing': 'Preparing your setup…',
  'enrol.step1': 'Install an authenticator app on your phone, if you do not have one.',
  'enrol.step2': 'Scan this QR code with the app.',
  'enrol.qrAlt': 'QR code: scan it with your authenticator app',
  'enrol.manual': 'Cannot scan it? Enter this key in the app instead:',
  'enrol.copyKey': 'Copy key',
  'enrol.step3': 'Enter the 6-digit code the app shows.',
  'enrol.submit': 'Turn on two-step sign-in',
  'enrol.alreadyOn': 'Two-step sign-in is already on for your account.',
  'enrol.alreadyOnTitle': 'Two-step sign-in is on',

  'codes.title': 'Save your recovery codes',
  'codes.lead':
    'If you lose your phone, each of these codes lets you sign in once. Keep them somewhere safe, such as a password manager. You will not see them again.',
  'codes.listLabel': 'Recovery codes',
  'codes.copy': 'Copy codes',
  'codes.download': 'Download codes',
  'codes.copied': 'Copied.',
  'codes.copyFailed': 'Copying did not work. Select the codes and copy them yourself.',
  'codes.saved': 'I have saved my recovery codes',
  'codes.fileHeader': 'DocPort recovery codes for {username}',
  'codes.fileNote': 'Each code lets you sign in once. Keep them safe.',

  'notFound.title': 'Page not found',
  'notFound.body':
    'We could not find the page you asked for. Check the address, or start again from the home page.',

  'crash.title': 'Something went wrong',
  'crash.body':
    'Sorry, this page ran into a problem. Reload the page or start again from the home page.',
  'crash.reload': 'Reload the page',
} as const satisfies Record<string, string | { one: string; other: string }>;

export type Messages = typeof en;
