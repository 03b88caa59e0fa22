import { json } from '../../test/server';
import { hub } from '../../test/setup';
import type { DoctorDocument } from '../onboarding/api';
import type { Doctor } from '../profile/model';
import { profile } from '../profile/testData';
import type { DeadLetter, Insurer, InsurerStatus } from './delivery/api';
import type { Application } from './insurers/api';
import type { QueueEntry } from './review/api';

/** Test data for the operator console, shaped as the hub's OpenAPI says. */
export const ANNA = '3f2b8c1e-5d4a-4e7b-9c2d-1a2b3c4d5e6f';
export const RAVI = '7a9e0f12-3b4c-4d5e-8f6a-7b8c9d0e1f2a';

export const anna: Doctor = { ...profile, id: ANNA };
export const ravi: Doctor = {
  id: RAVI,
  version: 1,
  active: false,
  name: { given: ['Ravi'], family: 'Kumar' },
  identifiers: [
    {
      type: 'MD',
      system: 'https://nmc.org.in/registration',
      value: 'NMC-998877',
      issuer: 'National Medical Commission',
      validFrom: '2018-06-01',
      validTo: '2031-05-31',
    },
  ],
  qualifications: [],
  specialties: [],
  languages: ['hi'],
  telecom: [],
  locations: [],
};

export const queue: QueueEntry[] = [
  {
    doctorId: ANNA,
    familyName: 'Berger',
    step: 'IN_REVIEW',
    problems: [],
    reviewNotes: ['licence KMC-12345: verify it with the licence copy'],
    remindersSent: 1,
    updatedAt: '2026-03-02T10:15:00Z',
  },
  {
    doctorId: RAVI,
    familyName: 'Kumar',
    step: 'IN_REVIEW',
    problems: [],
    reviewNotes: [],
    remindersSent: 0,
    updatedAt: '2026-03-03T08:00:00Z',
  },
];

export const licencePdf: DoctorDocument = {
  kind: 'LICENCE',
  contentType: 'application/pdf',
  sizeBytes: 245_760,
  sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  uploadedAt: '2026-03-01T09:30:00Z',
};
export const degreeJpeg: DoctorDocument = {
  ...licencePdf,
  kind: 'DEGREE',
  contentType: 'image/jpeg',
  sizeBytes: 512_000,
};

export const applications: Application[] = [
  {
    id: 'acme',
    name: 'Acme Health',
    contactEmail: 'onboarding@acme.example',
    networks: [{ id: 'acme-gold', name: 'Acme Gold', productType: 'HMO' }],
    connector: {
      kind: 'fhir-rest',
      baseUrl: 'https://fhir.acme.example/r4',
      writeMode: 'TRANSACTION',
      auth: { type: 'oauth2', clientId: 'docport', clientSecret: '******' },
    },
    identifier: { system: 'https://irdai.gov.in/insurers', value: 'IRDAI-123' },
    status: 'AWAITING_APPROVAL',
    paused: false,
  },
  {
    id: 'zenith',
    name: 'Zenith Care',
    contactEmail: 'it@zenith.example',
    networks: [],
    connector: { kind: 'fhir-rest', baseUrl: 'https://api.zenith.example/fhir' },
    status: 'CONNECTION_FAILED',
    statusReason: 'GET https://api.zenith.example/fhir/metadata answered 503',
    paused: false,
  },
];

export const insurers: Insurer[] = [
  { id: 'acme', name: 'Acme Health', status: 'LIVE', paused: false },
  { id: 'bharat', name: 'Bharat Mutual', status: 'LIVE', paused: true },
  { id: 'city', name: 'City Cover', status: 'LIVE', paused: false },
];

export const delivery: InsurerStatus[] = [
  {
    insurerId: 'city',
    paused: false,
    circuit: 'CLOSED',
    backlog: 0,
    retrying: 0,
    deadLetters: 0,
    lastSuccessAt: '2026-03-05T10:14:00Z',
    oldestPendingSeconds: 0,
  },
  {
    insurerId: 'acme',
    paused: false,
    circuit: 'OPEN',
    backlog: 12,
    retrying: 3,
    deadLetters: 2,
    lastSuccessAt: '2026-03-05T10:00:00Z',
    oldestPendingSeconds: 185,
    lastError: 'HTTP 422 from https://fhir.acme.example/r4/Practitioner',
  },
  {
    insurerId: 'bharat',
    paused: true,
    backlog: 40,
    retrying: 0,
    deadLetters: 0,
    oldestPendingSeconds: 4_800,
  },
];

export const deadLetters: DeadLetter[] = [
  {
    id: 41,
    insurerId: 'acme',
    doctorId: ANNA,
    doctorVersion: 3,
    httpStatus: 422,
    reason: 'Practitioner.qualification[0].code: unknown code MBBS',
    operationOutcome:
      '{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"code-invalid"}]}',
    createdAt: '2026-03-05T09:58:00Z',
  },
  {
    id: 42,
    insurerId: 'acme',
    doctorId: RAVI,
    doctorVersion: 1,
    httpStatus: 500,
    reason: 'Retries exhausted',
    createdAt: '2026-03-05T09:59:00Z',
  },
];

/** The three lists the console's navigation counts, empty unless given. */
export function serveConsole(
  lists: {
    queue?: QueueEntry[];
    applications?: Application[];
    delivery?: InsurerStatus[];
    insurers?: Insurer[];
  } = {},
) {
  hub.on('GET', '/api/operator/onboarding/review-queue', json(lists.queue ?? []));
  hub.on('GET', '/api/operator/insurer-applications', json(lists.applications ?? []));
  hub.on('GET', '/api/operator/delivery', json(lists.delivery ?? []));
  hub.on('GET', '/api/operator/insurers', json(lists.insurers ?? []));
}

/** An answer the test releases when it wants, to see what the page shows meanwhile. */
export function deferred() {
  let release: (response: Response) => void = () => {};
  const answer = new Promise<Response>((resolve) => {
    release = resolve;
  });
  return { answer: () => answer, release };
}

/** A doctor's profile and documents list, as an operator reads them. */
export function serveDoctor(doctor: Doctor, documents: DoctorDocument[]) {
  hub.on('GET', `/api/doctors/${doctor.id}`, json(doctor, 200, { ETag: `"${doctor.version}"` }));
  hub.on('GET', `/api/doctors/${doctor.id}/documents`, json(documents));
}
