import type { Session } from '../features/auth/api';

export const doctor: Session = {
  username: 'anna.berger@example.org',
  role: 'DOCTOR',
  doctorId: 'd-1',
  stage: 'SIGNED_IN',
  secondFactor: false,
  email: 'anna.berger@example.org',
};

export const doctorWith2fa: Session = { ...doctor, secondFactor: true };

export const awaitingCode: Session = { ...doctor, secondFactor: true, stage: 'SECOND_FACTOR' };

export const operator: Session = {
  username: 'olaf',
  role: 'OPERATOR',

  stage: 'SIGNED_IN',
  secondFactor: true,
};

export const operatorToEnrol: Session = {
  ...operator,
  secondFactor: false,
  stage: 'ENROL_SECOND_FACTOR',
};
