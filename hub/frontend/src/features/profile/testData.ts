import { today } from './licences';
import type { Doctor } from './model';

/** A profile and code list for tests. */
export const NUCC = 'http://nucc.org/provider-taxonomy';

export const specialtyList = [
  { system: NUCC, code: '207Q00000X', display: 'Family Medicine' },
  { system: NUCC, code: '207RC0000X', display: 'Cardiovascular Disease' },
  { system: NUCC, code: '207RI0011X', display: 'Interventional Cardiology' },
  { system: NUCC, code: '207R00000X', display: 'Internal Medicine' },
  { system: NUCC, code: '208D00000X', display: 'General Practice' },
];

function inDays(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return today(date);
}

export const profile: Doctor = {
  id: 'd-1',
  version: 3,
  active: true,
  name: { prefix: 'Dr', given: ['Anna'], family: 'Berger' },
  gender: 'female',
  identifiers: [
    {
      type: 'LN',
      system: 'https://nmc.org.in/registration',
      value: 'KMC-12345',
      issuer: 'Karnataka Medical Council',
      region: 'IN-KA',
      validFrom: '2015-01-01',
      validTo: inDays(30),
    },
    {
      type: 'MD',
      system: 'https://tmc.example/licences',
      value: 'TMC-777',
      issuer: 'Tamil Nadu Medical Council',
      validTo: '2020-01-31',
    },
  ],
  qualifications: [{ degree: { display: 'MBBS' }, issuer: 'RGUHS', year: 2010 }],
  specialties: [{ system: NUCC, code: '207Q00000X', display: 'Family Medicine' }],
  languages: ['en', 'kn'],
  telecom: [{ system: 'phone', value: '+91 80 4000 1234', use: 'work' }],
  locations: [
    {
      id: 'loc-1',
      name: 'Berger Clinic',
      address: {
        lines: ['12 MG Road'],
        city: 'Bengaluru',
        state: 'Karnataka',
        postalCode: '560001',
        country: 'IN',
      },
      phone: '+91 80 4000 5678',
    },
  ],
  affiliations: [{ name: 'City Hospital' }],
  endpoints: [],
};
